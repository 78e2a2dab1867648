using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SessionFunctions.Telemetry;

namespace SessionFunctions.SsoSignOut;

/// <summary>
/// Reads each discovery connector's <c>end_session_endpoint</c> from its OpenID configuration with
/// Microsoft.IdentityModel's caching <see cref="ConfigurationManager{T}"/>, over a resilient HttpClient. Once a
/// document is cached a sign-out makes no HTTP call; a refresh happens in the background. A sign-out waits at most
/// <see cref="SsoOptions.DiscoveryWait"/> for a document that is not cached yet.
/// </summary>
public sealed class OidcEndSessionDiscovery : IDisposable
{
    public const string HttpClientName = "oidc-discovery";

    private readonly Dictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers;
    private readonly TimeSpan _wait;
    private readonly TimeProvider _time;
    private readonly ILogger<OidcEndSessionDiscovery> _logger;
    private readonly CancellationTokenSource _shutdown = new();

    public OidcEndSessionDiscovery(
        IOptions<SsoOptions> options,
        IHttpClientFactory httpClients,
        IHostEnvironment environment,
        TimeProvider time,
        ILogger<OidcEndSessionDiscovery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _wait = options.Value.DiscoveryWait;
        _time = time;
        _logger = logger;
        var discovered = options.Value.Connectors.Where(c => NeedsDiscovery(c.Value)).ToList();
        if (discovered.Count == 0)
        {
            // No connector reads a discovery document: building the resilient HttpClient would only cost start-up.
            _managers = new Dictionary<string, ConfigurationManager<OpenIdConnectConfiguration>>(StringComparer.OrdinalIgnoreCase);
            return;
        }

        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            // A local provider stand-in on http is fine in Development; nowhere else.
            RequireHttps = !environment.IsDevelopment(),
        };
        _managers = discovered
            .ToDictionary(
                c => c.Key,
                c => new ConfigurationManager<OpenIdConnectConfiguration>(
                    MetadataAddress(c.Value.Authority!),
                    new OpenIdConnectConfigurationRetriever(),
                    retriever)
                {
                    AutomaticRefreshInterval = options.Value.DiscoveryRefreshInterval,
                    // After a failure, try again soon rather than after the default 5 minutes.
                    RefreshInterval = TimeSpan.FromSeconds(30),
                },
                StringComparer.OrdinalIgnoreCase);
    }

    public static bool NeedsDiscovery(SsoConnectorOptions connector) =>
        connector.EffectivePreset.UsesDiscovery
        && SsoConnectorOptions.IsUnset(connector.EndSessionEndpoint)
        && !SsoConnectorOptions.IsUnset(connector.Authority);

    public static string MetadataAddress(Uri authority) =>
        authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>
    /// The connector's end-session endpoint, or null when the provider publishes none, its document cannot be
    /// read, or it does not arrive within the wait bound. Never throws for a provider fault.
    /// </summary>
    public async Task<string?> EndSessionEndpointAsync(string connector, CancellationToken cancellationToken)
    {
        if (!_managers.TryGetValue(connector, out var manager))
        {
            return null;
        }

        try
        {
            // The fetch is shared by every request (and the warm-up): one request giving up must not cancel it for
            // the others, so it is cancelled only when the app shuts down; each request only stops waiting.
            var configuration = await manager.GetConfigurationAsync(_shutdown.Token).WaitAsync(_wait, _time, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
            {
                SessionLog.NoEndSessionEndpoint(_logger, connector);
                return null;
            }

            return configuration.EndSessionEndpoint;
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            return null;
        }
        catch (TimeoutException)
        {
            SessionLog.DiscoverySlow(_logger, connector, _wait);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any provider or library fault: the revocation is already written, so nothing here may fail the sign-out.
            SessionLog.DiscoveryFailed(_logger, connector, exception.GetType().Name);
            return null;
        }
    }

    /// <summary>Fetches every document once, so the first sign-outs find them cached.</summary>
    public Task WarmAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_managers.Keys.Select(c => EndSessionEndpointAsync(c, cancellationToken)));

    public void Dispose()
    {
        _shutdown.Cancel();
        _shutdown.Dispose();
    }
}
