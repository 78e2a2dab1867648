using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SsoSignOut;

/// <summary>
/// Turns the connector a session came from into the URL that ends the provider's session and brings the user back:
/// the endpoint (configured, templated or discovered) with the preset's parameters, encoded, keeping any query
/// the endpoint already has. Never throws for configuration or provider faults: they give no URL and a log line.
/// </summary>
public sealed partial class SsoSignOutUrlResolver(
    IOptions<SsoOptions> options,
    OidcEndSessionDiscovery discovery,
    ILogger<SsoSignOutUrlResolver> logger)
{
    public const int MaxStateLength = 512;
    private readonly SsoOptions _options = options.Value;

    /// <summary>The configured connector for the token's connector claim (or the default), if there is one.</summary>
    public string? ConnectorId(string? claim) =>
        string.IsNullOrEmpty(claim) ? (string.IsNullOrEmpty(_options.DefaultConnector) ? null : _options.DefaultConnector) : claim;

    /// <summary>
    /// Why the client's SSO parameters cannot be used, or null when they can. Checked before anything is written, so
    /// a refused request changes nothing.
    /// </summary>
    public string? Check(string? connectorClaim, SsoRequest request)
    {
        if (request.State is { } state && (state.Length > MaxStateLength || state.Any(char.IsControl)))
        {
            return $"state must be at most {MaxStateLength} printable characters.";
        }

        if (request.UiLocales is { } locales && !UiLocales().IsMatch(locales))
        {
            return "ui_locales must be space-separated language tags, e.g. \"en-US fr\".";
        }

        if (request.PostLogoutRedirectUri is null)
        {
            return null;
        }

        if (!Uri.TryCreate(request.PostLogoutRedirectUri, UriKind.Absolute, out var redirect))
        {
            return "post_logout_redirect_uri must be an absolute URL.";
        }

        var id = ConnectorId(connectorClaim);
        return id is not null && _options.Connectors.TryGetValue(id, out var connector) && !connector.AllowsRedirect(redirect)
            ? "post_logout_redirect_uri is not allowed for this SSO connector."
            : null;
    }

    /// <summary>The provider sign-out URL for the session, or null when there is none.</summary>
    public async Task<string?> ResolveAsync(string? connectorClaim, SsoRequest request, CancellationToken cancellationToken)
    {
        var id = ConnectorId(connectorClaim);
        if (id is null)
        {
            return null;
        }

        if (!_options.Connectors.TryGetValue(id, out var connector))
        {
            Log.UnknownConnector(logger, id.Length > 64 ? id[..64] : id);
            return null;
        }

        var preset = connector.EffectivePreset;
        if (!preset.EndsSessionWithoutIdTokenHint)
        {
            Log.NeedsIdTokenHint(logger, id, preset.Name);
            return null;
        }

        var endpoint = !SsoConnectorOptions.IsUnset(connector.EndSessionEndpoint) ? connector.EndSessionEndpoint.AbsoluteUri
            : !preset.UsesDiscovery ? connector.Authority!.AbsoluteUri.TrimEnd('/') + preset.EndpointPath
            : await discovery.EndSessionEndpointAsync(id, cancellationToken).ConfigureAwait(false);
        return endpoint is null ? null : Build(connector, endpoint, request);
    }

    internal static string Build(SsoConnectorOptions connector, string endpoint, SsoRequest request)
    {
        var preset = connector.EffectivePreset;
        var parameters = new List<KeyValuePair<string, string?>>();
        if (preset.ClientIdParameter is not null && !string.IsNullOrEmpty(connector.ClientId))
        {
            parameters.Add(new(preset.ClientIdParameter, connector.ClientId));
        }

        var redirect = request.PostLogoutRedirectUri
            ?? (SsoConnectorOptions.IsUnset(connector.PostLogoutRedirectUri) ? null : connector.PostLogoutRedirectUri.AbsoluteUri);
        if (redirect is not null)
        {
            parameters.Add(new(preset.RedirectParameter, redirect));
        }

        if (preset.SupportsState && !string.IsNullOrEmpty(request.State))
        {
            parameters.Add(new("state", request.State));
        }

        if (preset.SupportsUiLocales && !string.IsNullOrEmpty(request.UiLocales))
        {
            parameters.Add(new("ui_locales", request.UiLocales));
        }

        return QueryHelpers.AddQueryString(endpoint, parameters);
    }

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*( [A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*){0,9}$")]
    private static partial Regex UiLocales();

    private static partial class Log
    {
        [LoggerMessage(4, LogLevel.Warning, "SSO connector {Connector} is not configured; answering without an SSO sign-out URL.")]
        public static partial void UnknownConnector(ILogger logger, string connector);

        [LoggerMessage(33, LogLevel.Information, "SSO connector {Connector} ({Preset}) cannot end the provider's session without an id_token_hint; answering without an SSO sign-out URL.")]
        public static partial void NeedsIdTokenHint(ILogger logger, string connector, string preset);
    }
}
