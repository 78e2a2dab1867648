using System.Buffers;
using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SessionFunctions.SignOut;
using SessionFunctions.Testing;

namespace SessionFunctions.Benchmarks;

/// <summary>
/// Everything a sign-out does but I/O, side by side with its floor (what any implementation must do: decode, one
/// HMAC, one JSON read) and with the naive peer (<see cref="JwtSecurityTokenHandler"/>).
/// </summary>
[MemoryDiagnoser]
public class SignOutValidationBenchmarks
{
    private const string Secret = "benchmark-signing-key-0123456789abcdef";
    private const string KeyId = "k1";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    // A seed-shaped refresh token: HS256, Cloudreve's claims plus a root id.
    private readonly string _token = RefreshTokens.Mint(RefreshTokens.Claims("lpua", "6f1e2c9a-1b8e-4a55-9b7b-0c3c9e1f2a10", null, DateTimeOffset.UtcNow), Secret, KeyId);
    private readonly JwtSecurityTokenHandler _naive = new() { MapInboundClaims = false };
    private readonly Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private TokenValidationParameters _naiveParameters = null!;
    private TokenValidationParameters _productParameters = null!;
    private RefreshTokenValidator _validator = null!;
    private RevocationRecordFactory _records = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = AppServices.Build(
            new Dictionary<string, string?>
            {
                ["RefreshToken:SigningKeys:0:Id"] = KeyId,
                ["RefreshToken:SigningKeys:0:Secret"] = Secret,
                ["RevocationStorage"] = "UseDevelopmentStorage=true",
            },
            before: services => services.AddLogging());
        _validator = _services.GetRequiredService<RefreshTokenValidator>();
        _records = _services.GetRequiredService<RevocationRecordFactory>();
        _productParameters = RefreshTokenValidationParameters.Create(_services.GetRequiredService<IOptions<RefreshTokenOptions>>().Value, TimeProvider.System);
        _naiveParameters = new TokenValidationParameters
        {
            ValidAlgorithms = ["HS256"],
            IssuerSigningKey = new SymmetricSecurityKey(Key) { KeyId = KeyId },
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>BCL only: base64url-decode, HMAC-SHA256 over the signing input, Utf8JsonReader over the payload.</summary>
    [Benchmark(Baseline = true)]
    public bool Floor()
    {
        var token = _token.AsSpan();
        var firstDot = token.IndexOf('.');
        var secondDot = firstDot + 1 + token[(firstDot + 1)..].IndexOf('.');
        Span<byte> signingInput = stackalloc byte[secondDot];
        Encoding.ASCII.GetBytes(token[..secondDot], signingInput);
        Span<byte> signature = stackalloc byte[32];
        if (!Base64Url.TryDecodeFromChars(token[(secondDot + 1)..], signature, out var signatureLength) || signatureLength != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Key, signingInput, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return false;
        }

        var payloadChars = token[(firstDot + 1)..secondDot];
        var payload = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payloadChars.Length));
        try
        {
            Base64Url.TryDecodeFromChars(payloadChars, payload, out var payloadLength);
            var reader = new Utf8JsonReader(payload.AsSpan(0, payloadLength));
            var isRefresh = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("token_type"u8))
                {
                    reader.Read();
                    isRefresh = reader.ValueTextEquals("refresh"u8);
                }
            }

            return isRefresh;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    /// <summary>The naive peer: the legacy handler with equivalent parameters (claims materialised, exceptions on failure).</summary>
    [Benchmark]
    public bool Naive()
    {
        var principal = _naive.ValidateToken(_token, _naiveParameters, out _);
        return principal.HasClaim("token_type", "refresh");
    }

    /// <summary>
    /// Microsoft.IdentityModel's JsonWebTokenHandler alone, with the product's parameters: the share of the product's
    /// time and allocation that the validation library itself takes.
    /// </summary>
    [Benchmark]
    public async Task<bool> HandlerOnly()
    {
        var result = await _handler.ValidateTokenAsync(_token, _productParameters).ConfigureAwait(false);
        return result.IsValid;
    }

    /// <summary>The product: validation, family key, the record, and the success envelope serialised.</summary>
    [Benchmark]
    public async Task<int> Product()
    {
        var token = await _validator.ValidateAsync(_token).ConfigureAwait(false);
        if (!token.IsAccepted)
        {
            throw new InvalidOperationException(token.Rejection.Message.Text);
        }

        var record = _records.Create(token.Value, "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, new SuccessEnvelope(null), SignOutJsonContext.Default.SuccessEnvelope);
        }

        return buffer.WrittenCount + record.PartitionKey.Length;
    }
}
