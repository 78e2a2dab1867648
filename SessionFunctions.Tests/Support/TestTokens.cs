using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SessionFunctions.Tests.Support;

/// <summary>
/// Mints compact JWTs byte by byte, so tests can make the genuine tokens an issuer would and the malformed ones
/// an attacker would (wrong claim types, odd headers) with the same code.
/// </summary>
public static class TestTokens
{
    public const string KeyOneId = "k1";
    public const string KeyOne = "test-signing-key-one-0123456789abcdef";
    public const string KeyTwoId = "k2";
    public const string KeyTwo = "test-signing-key-two-0123456789abcdef";
    public const string RetiredKey = "test-signing-key-retired-0123456789ab";

    /// <summary>The instant tests run at (the fake clock's start).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Claims shaped like Cloudreve v4's refresh tokens.</summary>
    public static Dictionary<string, object?> RefreshClaims(string subject = "lpua", string? rootId = null, string? connector = null)
    {
        var claims = new Dictionary<string, object?>
        {
            ["token_type"] = "refresh",
            ["sub"] = subject,
            ["exp"] = Now.AddDays(14).ToUnixTimeSeconds(),
            ["nbf"] = Now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["state_hash"] = "I58+Rnk+LuiNLAn0jzOJ4n99J+Wxj/Jsn2hEV+QpazQ=",
        };
        if (rootId is not null)
        {
            claims["root_token_id"] = rootId;
        }

        if (connector is not null)
        {
            claims["sso_connector"] = connector;
        }

        return claims;
    }

    public static string Refresh(string subject = "lpua", string? rootId = null, string? connector = null, string? kid = KeyOneId, string secret = KeyOne) =>
        Mint(RefreshClaims(subject, rootId, connector), secret, kid);

    /// <summary>A refresh token that is valid on the real clock, for hosts that run on it.</summary>
    public static string RefreshOnRealClock(string rootId)
    {
        var claims = RefreshClaims(rootId: rootId);
        claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        claims["exp"] = DateTimeOffset.UtcNow.AddDays(14).ToUnixTimeSeconds();
        return Mint(claims);
    }

    public static string Mint(IDictionary<string, object?> claims, string secret = KeyOne, string? kid = KeyOneId, string alg = "HS256", IDictionary<string, object?>? extraHeader = null)
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
