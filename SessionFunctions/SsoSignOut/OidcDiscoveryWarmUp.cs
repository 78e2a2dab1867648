namespace SessionFunctions.SsoSignOut;

/// <summary>Reads the providers' discovery documents in the background at start-up, never delaying the host.</summary>
internal sealed class OidcDiscoveryWarmUp(OidcEndSessionDiscovery discovery) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => discovery.WarmAsync(stoppingToken);
}
