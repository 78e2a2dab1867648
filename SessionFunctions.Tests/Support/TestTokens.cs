namespace SessionFunctions.Tests.Support;

/// <summary>The tests' keys and clock, and <see cref="RefreshTokens"/> with them as defaults.</summary>
public static class TestTokens
{
    public const string KeyOneId = "k1";
    public const string KeyOne = "test-signing-key-one-0123456789abcdef";
    public const string KeyTwoId = "k2";
    public const string KeyTwo = "test-signing-key-two-0123456789abcdef";
    public const string RetiredKey = "test-signing-key-retired-0123456789ab";

    /// <summary>The instant tests run at (the fake clock's start).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Claims shaped like Cloudreve v4's refresh tokens, valid at <see cref="Now"/>.</summary>
    public static Dictionary<string, object?> RefreshClaims(string subject = "lpua", string? rootId = null, string? connector = null) =>
        RefreshTokens.Claims(subject, rootId, connector, Now);

    public static string Refresh(string subject = "lpua", string? rootId = null, string? connector = null, string? kid = KeyOneId, string secret = KeyOne) =>
        Mint(RefreshClaims(subject, rootId, connector), secret, kid);

    /// <summary>A refresh token that is valid on the real clock, for hosts that run on it.</summary>
    public static string RefreshOnRealClock(string rootId) =>
        Mint(RefreshTokens.Claims("lpua", rootId, null, DateTimeOffset.UtcNow));

    public static string Mint(IDictionary<string, object?> claims, string secret = KeyOne, string? kid = KeyOneId, string alg = "HS256", IDictionary<string, object?>? extraHeader = null) =>
        RefreshTokens.Mint(claims, secret, kid, alg, extraHeader);
}
