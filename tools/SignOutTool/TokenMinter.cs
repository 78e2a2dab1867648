using SessionFunctions.SignOut;
using SessionFunctions.Testing;

namespace SignOutTool;

/// <summary>Mints refresh tokens with the settings' first key and claim names, valid from now.</summary>
internal sealed class TokenMinter(string secret, string? keyId, string rootIdClaim, string connectorClaim)
{
    public static TokenMinter? From(LocalSettings settings)
    {
        var secret = settings["RefreshToken__SigningKeys__0__Secret"];
        if (string.IsNullOrEmpty(secret))
        {
            Console.Error.WriteLine("RefreshToken__SigningKeys__0__Secret is not set in the settings file.");
            return null;
        }

        return new TokenMinter(
            secret,
            settings["RefreshToken__SigningKeys__0__Id"],
            settings["RefreshToken__RootIdClaim"] ?? RefreshTokenClaims.RootId,
            settings["RefreshToken__ConnectorClaim"] ?? RefreshTokenClaims.Connector);
    }

    public string Mint(string subject, string? rootId, string? connector) =>
        RefreshTokens.Mint(RefreshTokens.Claims(subject, rootId, connector, DateTimeOffset.UtcNow, rootIdClaim, connectorClaim), secret, string.IsNullOrEmpty(keyId) ? null : keyId);
}
