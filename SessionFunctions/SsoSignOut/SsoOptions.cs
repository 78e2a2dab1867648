using System.ComponentModel.DataAnnotations;

namespace SessionFunctions.SsoSignOut;

/// <summary>SSO connectors whose sessions sign-out also ends. Section <c>Sso</c>.</summary>
public sealed class SsoOptions
{
    public const string Section = "Sso";

    /// <summary>Connectors by id; the id is what a refresh token's connector claim names (case-insensitive).</summary>
    public Dictionary<string, SsoConnectorOptions> Connectors { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The connector for tokens that name none, for sites where every session is an SSO session. Empty: a token
    /// without a connector claim gets no SSO sign-out URL.
    /// </summary>
    public string? DefaultConnector { get; init; }

    /// <summary>The most a sign-out waits for a provider's discovery document before answering without a URL.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan DiscoveryWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a provider's discovery document is fetched again in the background.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan DiscoveryRefreshInterval { get; init; } = TimeSpan.FromHours(12);
}
