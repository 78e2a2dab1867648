using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SessionFunctions.SignOut;

namespace SessionFunctions.Testing;

/// <summary>
/// Mints compact JWTs byte by byte in the shape of Cloudreve v4's refresh tokens, so the tests can make the genuine
/// tokens an issuer would and the malformed ones an attacker would (wrong claim types, odd headers) with the same
/// code, and the tool and the benchmarks mint what the tests mint.
/// </summary>
public static class RefreshTokens
{
    /// <summary>An opaque value in the place Cloudreve puts the hash of the session's state.</summary>
    public const string StateHash = "I58+Rnk+LuiNLAn0jzOJ4n99J+Wxj/Jsn2hEV+QpazQ=";

    /// <summary>Cloudreve's refresh claims at <paramref name="now"/>: 14 days to live, valid from five minutes before.</summary>
    public static Dictionary<string, object?> Claims(
        string subject,
        string? rootId,
        string? connector,
        DateTimeOffset now,
        string rootIdClaim = RefreshTokenClaims.RootId,
        string connectorClaim = RefreshTokenClaims.Connector)
    {
        var claims = new Dictionary<string, object?>
        {
            [RefreshTokenClaims.TokenType] = RefreshTokenClaims.RefreshTokenType,
            [JwtRegisteredClaimNames.Sub] = subject,
            [JwtRegisteredClaimNames.Exp] = now.AddDays(14).ToUnixTimeSeconds(),
            [JwtRegisteredClaimNames.Nbf] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["state_hash"] = StateHash,
        };
        if (rootId is not null)
        {
            claims[rootIdClaim] = rootId;
        }

        if (connector is not null)
        {
            claims[connectorClaim] = connector;
        }

        return claims;
    }

    public static string Mint(IDictionary<string, object?> claims, string secret, string? kid, string alg = "HS256", IDictionary<string, object?>? extraHeader = null)
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        foreach (var (name, value) in extraHeader ?? new Dictionary<string, object?>())
        {
            header[name] = value;
        }

        return MintRaw(JsonSerializer.Serialize(header), JsonSerializer.Serialize(claims), secret, alg);
    }

    public static string MintRaw(string headerJson, string payloadJson, string secret, string alg = "HS256")
    {
        var signingInput = $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payloadJson)}";
        return $"{signingInput}.{Sign(signingInput, secret, alg)}";
    }

    public static string Sign(string signingInput, string secret, string alg)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = alg switch
        {
            "HS384" => HMACSHA384.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            "none" => [],
            _ => HMACSHA256.HashData(key, data),
        };
        return Base64UrlEncoder.Encode(signature);
    }
}
