using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SessionFunctions.Benchmarks;

/// <summary>A seed-shaped refresh token (HS256, Cloudreve's claims plus a root id) and its key.</summary>
public static class BenchmarkToken
{
    public const string Secret = "benchmark-signing-key-0123456789abcdef";
    public const string KeyId = "k1";

    public static string Create()
    {
        var header = JsonSerializer.Serialize(new { alg = "HS256", typ = "JWT", kid = KeyId });
        var now = DateTimeOffset.UtcNow;
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token_type"] = "refresh",
            ["sub"] = "lpua",
            ["exp"] = now.AddDays(14).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["state_hash"] = "I58+Rnk+LuiNLAn0jzOJ4n99J+Wxj/Jsn2hEV+QpazQ=",
            ["root_token_id"] = "6f1e2c9a-1b8e-4a55-9b7b-0c3c9e1f2a10",
        });
        var input = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(input)));
    }
}
