using Microsoft.Extensions.Options;
using SessionFunctions.Revocation;

namespace SessionFunctions.SignOut;

/// <summary>Builds the record a sign-out writes, including how long it must be kept.</summary>
public sealed class RevocationRecordFactory(IOptions<RevocationOptions> options, TimeProvider time)
{
    public const string SignOutReason = "sign-out";
    private readonly TimeSpan _maxLifetime = options.Value.MaxRefreshTokenLifetime;

    public RevocationRecord Create(ValidatedRefreshToken token, string correlationId)
    {
        var now = time.GetUtcNow();
        return new RevocationRecord
        {
            PartitionKey = token.FamilyKey,
            Subject = token.Subject,
            RevokedAt = now,
            Reason = SignOutReason,
            FamilySource = token.HasRootId ? "root" : "token",
            TokenExpiresAt = token.ExpiresAt,
            RetainUntil = RetainUntil(now, token.ExpiresAt),
            CorrelationId = correlationId,
            Connector = token.Connector,
        };
    }

    /// <summary>
    /// Once the family is revoked no new token of it is issued, so the newest one alive was issued at the latest
    /// now and lives at most <c>now + max lifetime</c>; the revoked token itself lives until its own expiry. After
    /// the later of the two nothing of the family can be valid and the record may go.
    /// </summary>
    private DateTimeOffset RetainUntil(DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var newestPossibleExpiry = now + _maxLifetime;
        return expiresAt is { } exp && exp > newestPossibleExpiry ? exp : newestPossibleExpiry;
    }
}
