using SessionFunctions.Revocation;

namespace SessionFunctions.SignOut;

/// <summary>The claim names (and the refresh type) of Cloudreve v4's refresh tokens, as sign-out reads them.</summary>
public static class RefreshTokenClaims
{
    public const string TokenType = "token_type";
    public const string Subject = "sub";
    public const string Expires = "exp";
    public const string NotBefore = "nbf";

    /// <summary>The default family (root token) id claim; <c>RefreshToken__RootIdClaim</c> may name another.</summary>
    public const string RootId = TokenFamily.DefaultRootIdClaim;

    /// <summary>The default SSO connector claim; <c>RefreshToken__ConnectorClaim</c> may name another.</summary>
    public const string Connector = "sso_connector";

    /// <summary>The default <see cref="TokenType"/> value of a refresh token; <c>RefreshToken__TokenType</c> may name another.</summary>
    public const string RefreshTokenType = "refresh";
}
