using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Testing;

namespace SessionFunctions.Tests.Support;

/// <summary>
/// Remembers the secrets a test used (signing keys, every JWT-shaped string sent, each signature part) and checks
/// that none of them appears in anything that was logged. Secrets must be base64url text (JWT parts, and the keys
/// the tests configure), so each is found as a whole run of such characters.
/// </summary>
public sealed partial class LogSecretsAudit
{
    private const int ShortestSecretChecked = 12;
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    public void Add(string secret)
    {
        if (secret.Length >= ShortestSecretChecked)
        {
            _secrets.TryAdd(secret, 0);
        }
    }

    /// <summary>Adds every JWT-shaped string in <paramref name="text"/>, and its signature part on its own.</summary>
    public void AddTokensIn(string text)
    {
        foreach (Match match in JwtShape().Matches(text))
        {
            Add(match.Value);
            Add(match.Groups["signature"].Value);
            Add(match.Groups["payload"].Value);
        }
    }

    public void AssertAbsentFrom(IReadOnlyList<FakeLogRecord> records)
    {
        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(p => p.Value) ?? []);
            texts.AddRange(record.Scopes.Select(Describe));
            // Secrets are base64url text (keys here too): look each run of such text up, rather than scanning
            // every text for every secret, which a 10,000-request run makes quadratic.
            foreach (var text in texts.Where(t => !string.IsNullOrEmpty(t)))
            {
                foreach (Match run in Base64UrlRun().Matches(text!))
                {
                    if (_secrets.ContainsKey(run.Value))
                    {
                        throw new InvalidOperationException($"A secret ({run.Length} chars, starting '{run.Value[..4]}') was logged at {record.Level} by {record.Category}.");
                    }
                }
            }
        }
    }

    private static string? Describe(object? scope) => scope switch
    {
        IEnumerable<KeyValuePair<string, object>> pairs => string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")),
        _ => scope?.ToString(),
    };

    [GeneratedRegex(@"[A-Za-z0-9_\-]{12,}")]
    private static partial Regex Base64UrlRun();

    [GeneratedRegex(@"[A-Za-z0-9_\-]{2,}\.(?<payload>[A-Za-z0-9_\-]{2,})\.(?<signature>[A-Za-z0-9_\-]{2,})")]
    private static partial Regex JwtShape();
}
