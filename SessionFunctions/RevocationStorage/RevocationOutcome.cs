namespace SessionFunctions.RevocationStorage;

/// <summary>What a revocation write found.</summary>
public enum RevocationOutcome
{
    /// <summary>This sign-out wrote the family's record.</summary>
    Revoked,

    /// <summary>The family was already revoked; its first record was kept.</summary>
    AlreadyRevoked,
}
