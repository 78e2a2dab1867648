using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.Support;

/// <summary>One hostile request: what kind it is and the body bytes.</summary>
public sealed record HostileCase(string Kind, int Index, byte[] Body);

/// <summary>
/// A seeded generator of request bodies an attacker or a broken client could send. The same seed gives the same
/// corpus, so a failure reproduces from the kind and index it reports.
/// </summary>
public sealed class HostileCorpus(int seed)
{
    private static readonly string[] Base64UrlAlphabet = ["A", "Z", "a", "z", "0", "9", "-", "_"];
    private readonly Random _random = new(seed);
    private readonly string _valid = TestTokens.Refresh();

    public IEnumerable<HostileCase> Generate(int count)
    {
        Func<(string, byte[])>[] generators =
        [
            RandomBytes, TruncatedJwt, MutatedJwt, DeepJson, HugeJson, DuplicateKeys, UnicodeAndControl, WrongBodyTypes,
            AlgNone, AlgConfusion, KidInjection, CritHeader, WrongKey, WrongClaimTypes, ForgedFamily, Garbage,
        ];
        for (var i = 0; i < count; i++)
        {
            var (kind, body) = generators[i % generators.Length]();
            yield return new HostileCase(kind, i, body);
        }
    }

    private static byte[] Json(object? token) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["refresh_token"] = token });

    private string Pick(params string[] values) => values[_random.Next(values.Length)];

    private (string, byte[]) RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 2048)];
        _random.NextBytes(bytes);
        return ("random bytes", bytes);
    }

    private (string, byte[]) TruncatedJwt() => ("truncated JWT", Json(_valid[.._random.Next(1, _valid.Length - 1)]));

    private (string, byte[]) MutatedJwt()
    {
        // Never the last character of a segment: its low bits may be padding, so changing it may not change the bytes.
        var chars = _valid.ToCharArray();
        var segments = _valid.Split('.');
        var segment = _random.Next(3);
        var start = segments.Take(segment).Sum(s => s.Length + 1);
        var position = start + _random.Next(segments[segment].Length - 1);
        var replacement = chars[position];
        while (replacement == chars[position])
        {
            replacement = Pick(Base64UrlAlphabet)[0];
        }

        chars[position] = replacement;
        return ("mutated JWT", Json(new string(chars)));
    }

    private (string, byte[]) DeepJson()
    {
        var depth = _random.Next(65, 5000);
        var open = Pick("[", "{\"a\":");
        var close = open == "[" ? "]" : "}";
        return ("deep JSON", Encoding.UTF8.GetBytes("{\"refresh_token\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}"));
    }

    private (string, byte[]) HugeJson() =>
        ("huge JSON", Encoding.UTF8.GetBytes("{\"refresh_token\":\"" + _valid + "\",\"pad\":\"" + new string('x', _random.Next(16_400, 200_000)) + "\"}"));

    private (string, byte[]) DuplicateKeys() =>
        ("duplicate keys", Encoding.UTF8.GetBytes($"{{\"refresh_token\":\"{_valid}\",\"refresh_token\":\"{Pick(_valid, "x", "")}\"}}"));

    private (string, byte[]) UnicodeAndControl()
    {
        var pieces = new[] { "\u0000", "\u0001", "\u007f", "\u0085", "\u2028", "\ufeff", "\ud83d\ude00", "é", "\\", "\"", "日本", "\u202e" };
        var text = string.Concat(Enumerable.Range(0, _random.Next(1, 40)).Select(_ => Pick(pieces)));
        return ("unicode and control characters", Json(Pick(text, _valid + text, text + _valid, _valid.Replace(".", text, StringComparison.Ordinal))));
    }

    private (string, byte[]) WrongBodyTypes() =>
        ("wrong JSON types", Encoding.UTF8.GetBytes(Pick(
            "[]", "null", "true", "42", "\"" + _valid + "\"", "{\"refresh_token\":42}", "{\"refresh_token\":true}",
            "{\"refresh_token\":null}", "{\"refresh_token\":[\"" + _valid + "\"]}", "{\"refresh_token\":{\"t\":\"" + _valid + "\"}}",
            "{\"refresh_token\":\"\"}", "{}", "{\"REFRESH_TOKEN\":\"" + _valid + "\"}", "{\"refresh_token\":1e400}")));

    private (string, byte[]) AlgNone()
    {
        var header = Pick("{\"alg\":\"none\"}", "{\"alg\":\"None\",\"typ\":\"JWT\"}", "{\"alg\":\"NONE\",\"kid\":\"k1\"}", "{\"alg\":\"\"}", "{}");
        var payload = JsonSerializer.Serialize(TestTokens.RefreshClaims(rootId: Guid.NewGuid().ToString()));
        var token = $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.{Pick("", _valid.Split('.')[2])}";
        return ("alg none", Json(token));
    }

    private (string, byte[]) AlgConfusion()
    {
        // HS/RS switching: an RS256 (or other) header over an HMAC made with the shared key, plus look-alike names.
        var alg = Pick("RS256", "ES256", "PS256", "HS512", "HS384", "hs256", "HS256 ", "RSA-OAEP", "dir", "EdDSA");
        var claims = TestTokens.RefreshClaims(rootId: Guid.NewGuid().ToString());
        return ("alg confusion", Json(RefreshTokens.MintRaw(
            JsonSerializer.Serialize(new { alg, typ = "JWT", kid = TestTokens.KeyOneId }),
            JsonSerializer.Serialize(claims),
            TestTokens.KeyOne,
            Pick("HS256", "HS512", "HS384"))));
    }

    private (string, byte[]) KidInjection()
    {
        object kid = Pick("../../etc/passwd", "k1' OR '1'='1", "k1\u0000", "K1", " k1", "k1 ", "", "http://127.0.0.1/jwks", "*", new string('k', 5000));
        if (_random.Next(5) == 0)
        {
            kid = _random.Next(2) == 0 ? 1 : new[] { "k1" };
        }

        var header = JsonSerializer.Serialize(new Dictionary<string, object?> { ["alg"] = "HS256", ["kid"] = kid, ["jku"] = "http://127.0.0.1:1/jwks", ["x5u"] = "http://127.0.0.1:1/x5u" });
        return ("kid injection", Json(RefreshTokens.MintRaw(header, JsonSerializer.Serialize(TestTokens.RefreshClaims()), TestTokens.RetiredKey)));
    }

    private (string, byte[]) CritHeader()
    {
        var crit = Pick("[\"exp\"]", "[\"b64\"]", "[]", "\"x\"", "[\"kid\"]");
        var header = $"{{\"alg\":\"HS256\",\"kid\":\"k1\",\"crit\":{crit},\"b64\":false}}";
        return ("crit header", Json(RefreshTokens.MintRaw(header, JsonSerializer.Serialize(TestTokens.RefreshClaims(rootId: Guid.NewGuid().ToString())), TestTokens.KeyOne)));
    }

    private (string, byte[]) WrongKey()
    {
        var secret = Pick(TestTokens.RetiredKey, TestTokens.KeyOne + "x", "short", TestTokens.KeyTwo);
        var kid = secret == TestTokens.KeyTwo ? TestTokens.KeyOneId : Pick(TestTokens.KeyOneId, TestTokens.KeyTwoId);
        // KeyTwo is active: only under another key's kid is it a wrong key.
        var omitKid = secret != TestTokens.KeyTwo && _random.Next(4) == 0;
        return ("wrong key", Json(TestTokens.Refresh(rootId: Guid.NewGuid().ToString(), kid: omitKid ? null : kid, secret: secret)));
    }

    private (string, byte[]) WrongClaimTypes()
    {
        var claims = TestTokens.RefreshClaims(rootId: Guid.NewGuid().ToString());
        var (name, value) = _random.Next(10) switch
        {
            0 => (RefreshTokenClaims.TokenType, (object?)1),
            1 => (RefreshTokenClaims.TokenType, new[] { "refresh" }),
            2 => (RefreshTokenClaims.TokenType, null),
            3 => ("sub", new { id = 1 }),
            4 => ("sub", null),
            5 => ("nbf", (object)"yesterday"),
            6 => (RefreshTokenClaims.RootId, new[] { "a" }),
            7 => (RefreshTokenClaims.RootId, 12345),
            8 => (RefreshTokenClaims.Connector, 7),
            _ => ("nbf", TestTokens.Now.AddYears(50).ToUnixTimeSeconds()),
        };
        claims[name] = value;
        return ("claims of wrong types", Json(TestTokens.Mint(claims)));
    }

    private (string, byte[]) ForgedFamily()
    {
        // A genuine token for family A whose payload is swapped for family B, keeping A's signature.
        var genuine = TestTokens.Refresh(rootId: Guid.NewGuid().ToString()).Split('.');
        var forged = JsonSerializer.Serialize(TestTokens.RefreshClaims(rootId: Guid.NewGuid().ToString()));
        return ("forged family claim", Json($"{genuine[0]}.{Base64UrlEncoder.Encode(forged)}.{genuine[2]}"));
    }

    private (string, byte[]) Garbage() =>
        ("not a JWT", Json(Pick("a.b.c", "...", "a..c", ".", "eyJ.eyJ.", "a.b.c.d.e", "Bearer " + _valid, _valid + ".", "." + _valid, _valid.Replace('.', ','), "%%%.%%%.%%%", "=====")));
}
