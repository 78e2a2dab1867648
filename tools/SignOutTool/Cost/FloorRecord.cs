using SessionFunctions.Revocation;

namespace SignOutTool.Cost;

/// <summary>The entity every floor inserts: a revocation record with the properties a sign-out writes.</summary>
internal static class FloorRecord
{
    public static RevocationRecord For(string family)
    {
        var now = DateTimeOffset.UtcNow;
        return new RevocationRecord
        {
            PartitionKey = family,
            Subject = "floor",
            RevokedAt = now,
            Reason = "sign-out",
            FamilySource = "root",
            TokenExpiresAt = now.AddDays(30),
            RetainUntil = now.AddDays(30),
            CorrelationId = Guid.NewGuid().ToString("D"),
        };
    }
}
