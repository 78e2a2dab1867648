using SessionFunctions.Revocation;

namespace SessionFunctions.SignOut;

/// <summary>
/// The claim names (and the refresh type) Cloudreve v4 adds to its refresh tokens, as sign-out reads them; the
/// registered ones (<c>sub</c>, <c>exp</c>, <c>nbf</c>) are <see cref="Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames"/>.
/// </summary>
public static class RefreshTokenClaims
{
    public const string TokenType = "token_type";

    /// <summary>The default family (root token) id claim; <c>RefreshToken__RootIdClaim</c> may name another.</summary>
    public const string RootId = TokenFamily.DefaultRootIdClaim;

    /// <summary>The default SSO connector claim; <c>RefreshToken__ConnectorClaim</c> may name another.</summary>
    public const string Connector = "sso_connector";

    /// <summary>The default <see cref="TokenType"/> value of a refresh token; <c>RefreshToken__TokenType</c> may name another.</summary>
    public const string RefreshTokenType = "refresh";
}
