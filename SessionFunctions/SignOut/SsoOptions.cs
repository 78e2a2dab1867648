namespace SessionFunctions.SignOut;

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
}
