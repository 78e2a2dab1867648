namespace SessionFunctions.SignOut;

/// <summary>What sign-out needs from a refresh token whose signature and claims were checked.</summary>
public sealed record ValidatedRefreshToken(
    string Subject,
    string FamilyKey,
    bool HasRootId,
    DateTimeOffset? ExpiresAt,
    string? Connector);
