using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SignOutTool;

/// <summary>Mints refresh tokens shaped like Cloudreve v4's, signed with the first key of the settings.</summary>
internal sealed class TokenMinter
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly string _rootIdClaim;
    private readonly string _connectorClaim;

    private TokenMinter(SigningCredentials credentials, string rootIdClaim, string connectorClaim)
    {
        _credentials = credentials;
        _rootIdClaim = rootIdClaim;
        _connectorClaim = connectorClaim;
    }

    public static TokenMinter? From(LocalSettings settings)
    {
        var secret = settings["RefreshToken__SigningKeys__0__Secret"];
        if (string.IsNullOrEmpty(secret))
        {
            Console.Error.WriteLine("RefreshToken__SigningKeys__0__Secret is not set in the settings file.");
            return null;
        }

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = settings["RefreshToken__SigningKeys__0__Id"] };
        return new TokenMinter(
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            settings["RefreshToken__RootIdClaim"] ?? "root_token_id",
            settings["RefreshToken__ConnectorClaim"] ?? "sso_connector");
    }

    public string Mint(string subject, string? rootId, string? connector)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["token_type"] = "refresh",
            ["sub"] = subject,
            ["state_hash"] = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(subject))),
        };
        if (rootId is not null)
        {
            claims[_rootIdClaim] = rootId;
        }

        if (connector is not null)
        {
            claims[_connectorClaim] = connector;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddDays(14).UtcDateTime,
            SigningCredentials = _credentials,
        });
    }
}
