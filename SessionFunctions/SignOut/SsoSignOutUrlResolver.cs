using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>
/// Turns the connector a session came from into the provider's sign-out URL (OIDC RP-Initiated Logout). URLs
/// are built once from configuration, so a request does a dictionary look-up and nothing else.
/// </summary>
internal sealed class SsoSignOutUrlResolver
{
    private readonly Dictionary<string, string> _urls;
    private readonly string? _defaultConnector;
    private readonly ILogger<SsoSignOutUrlResolver> _logger;

    public SsoSignOutUrlResolver(IOptions<SsoOptions> options, ILogger<SsoSignOutUrlResolver> logger)
    {
        _logger = logger;
        _defaultConnector = string.IsNullOrEmpty(options.Value.DefaultConnector) ? null : options.Value.DefaultConnector;
        _urls = options.Value.Connectors
            .Where(c => !SsoConnectorOptions.IsUnset(c.Value.EndSessionEndpoint))
            .ToDictionary(c => c.Key, c => Build(c.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The sign-out URL for <paramref name="connector"/> (the token's connector claim), or for the default connector
    /// when the token names none; <see langword="null"/> when there is none. Never throws: an unknown connector is
    /// logged and answered with <see langword="null"/>, so it can never undo a revocation.
    /// </summary>
    public string? Resolve(string? connector)
    {
        var id = string.IsNullOrEmpty(connector) ? _defaultConnector : connector;
        if (id is null)
        {
            return null;
        }

        if (_urls.TryGetValue(id, out var url))
        {
            return url;
        }

        SignOutLog.UnknownConnector(_logger, id.Length > 64 ? id[..64] : id);
        return null;
    }

    /// <summary>Adds <c>client_id</c> and <c>post_logout_redirect_uri</c>, encoded, keeping any query the endpoint has.</summary>
    internal static string Build(SsoConnectorOptions connector)
    {
        var url = connector.EndSessionEndpoint!.AbsoluteUri;
        if (!string.IsNullOrEmpty(connector.ClientId))
        {
            url = QueryHelpers.AddQueryString(url, "client_id", connector.ClientId);
        }

        if (!SsoConnectorOptions.IsUnset(connector.PostLogoutRedirectUri))
        {
            url = QueryHelpers.AddQueryString(url, "post_logout_redirect_uri", connector.PostLogoutRedirectUri!.AbsoluteUri);
        }

        return url;
    }
}
