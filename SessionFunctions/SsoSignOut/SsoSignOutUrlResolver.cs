using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SessionFunctions.Telemetry;

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
    /// Why the client's SSO parameters cannot be used (40001), or null when they can. Checked before anything is
    /// written, so a refused request changes nothing.
    /// </summary>
    public Rejection? Check(string? connectorClaim, SsoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = Problem(connectorClaim, request);
        // The message says all there is to say: debug detail repeats it.
        return problem is null ? null : new Rejection(problem, problem.Text);
    }

    private ApiMessage? Problem(string? connectorClaim, SsoRequest request)
    {
        if (request.State is { } state && (state.Length > MaxStateLength || state.Any(char.IsControl)))
        {
            return ApiMessages.StateMalformed;
        }

        if (request.UiLocales is { } locales && !UiLocales().IsMatch(locales))
        {
            return ApiMessages.UiLocalesMalformed;
        }

        if (request.PostLogoutRedirectUri is null)
        {
            return null;
        }

        if (!Uri.TryCreate(request.PostLogoutRedirectUri, UriKind.Absolute, out var redirect))
        {
            return ApiMessages.RedirectNotAbsolute;
        }

        var id = ConnectorId(connectorClaim);
        return id is not null && _options.Connectors.TryGetValue(id, out var connector) && !connector.AllowsRedirect(redirect)
            ? ApiMessages.RedirectNotAllowed
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
            SessionLog.UnknownConnector(logger, id.Length > 64 ? id[..64] : id);
            return null;
        }

        var preset = connector.EffectivePreset;
        if (!preset.EndsSessionWithoutIdTokenHint)
        {
            SessionLog.NeedsIdTokenHint(logger, id, preset.Name);
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

        if (Redirect(connector, request) is { } redirect)
        {
            parameters.Add(new(preset.RedirectParameter, redirect.AbsoluteUri));
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

    /// <summary>
    /// The redirect to send: the configured one the client's <c>post_logout_redirect_uri</c> matched (Check has
    /// refused any other before anything was written), so text the URI parser forgave, such as surrounding spaces,
    /// never reaches the provider; without one, the connector's default.
    /// </summary>
    private static Uri? Redirect(SsoConnectorOptions connector, SsoRequest request)
    {
        // Only ever a configured URI: the client's own text is never emitted, even if Check were bypassed.
        if (request.PostLogoutRedirectUri is { } asked && Uri.TryCreate(asked, UriKind.Absolute, out var parsed)
            && connector.AllowedRedirect(parsed) is { } allowed)
        {
            return allowed;
        }

        return SsoConnectorOptions.IsUnset(connector.PostLogoutRedirectUri) ? null : connector.PostLogoutRedirectUri;
    }

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*( [A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*){0,9}$")]
    private static partial Regex UiLocales();
}
