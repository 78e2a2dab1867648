using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SessionFunctions.Revocation;

/// <summary>
/// The rule that maps a refresh token to the key of its family: every refresh token rotated from one sign-in
/// shares a root id claim, so they all map to one key; a token without that claim is a family of its own.
/// </summary>
/// <remarks>
/// The key is <c>root-</c> followed by the lowercase hex SHA-256 of <c>"root:" + rootId</c>, or <c>token-</c>
/// followed by the lowercase hex SHA-256 of <c>"token:" + compactToken</c> (UTF-8 in both cases). Hashing keeps raw
/// claims out of storage keys and bounds every key to 70 ASCII characters, valid as a Table Storage PartitionKey.
/// The same rule is written out for other languages, with test vectors, in docs/token-family.md.
/// </remarks>
public static class TokenFamily
{
    /// <summary>The claim that Cloudreve v4 puts the family id in.</summary>
    public const string DefaultRootIdClaim = "root_token_id";

    /// <summary>Prefix of a key derived from a root id claim.</summary>
    public const string RootPrefix = "root-";

    /// <summary>Prefix of a key derived from a token that has no root id claim.</summary>
    public const string TokenPrefix = "token-";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>The family key for a family whose tokens carry <paramref name="rootId"/> in their root id claim.</summary>
    public static string FromRootId(string rootId)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootId);
        return Derive(RootPrefix, "root:", rootId);
    }

    /// <summary>The family key of a token that carries no root id claim: the token is a family of its own.</summary>
    public static string FromToken(string compactToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(compactToken);
        return Derive(TokenPrefix, "token:", compactToken);
    }

    /// <summary>
    /// The family key of a token, given the value of its root id claim (<see langword="null"/> when absent) and
    /// the compact token itself.
    /// </summary>
    public static string For(string? rootId, string compactToken) =>
        string.IsNullOrEmpty(rootId) ? FromToken(compactToken) : FromRootId(rootId);

    /// <summary>Whether <paramref name="key"/> has the shape this rule produces.</summary>
    public static bool IsWellFormed(string? key)
    {
        if (key is null)
        {
            return false;
        }

        var digest = key.StartsWith(RootPrefix, StringComparison.Ordinal)
            ? key.AsSpan(RootPrefix.Length)
            : key.StartsWith(TokenPrefix, StringComparison.Ordinal) ? key.AsSpan(TokenPrefix.Length) : default;
        return digest.Length == 64 && !digest.ContainsAnyExcept(LowerHex);
    }

    private static string Derive(string prefix, string domain, string value)
    {
        // Sign-out runs this once per request: hash from a stack buffer for ordinary sizes, no intermediate strings.
        var length = Encoding.UTF8.GetMaxByteCount(domain.Length + value.Length);
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(domain, buffer);
            written += Encoding.UTF8.GetBytes(value, buffer[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return string.Concat(prefix, Convert.ToHexStringLower(hash));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
