using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;

namespace SessionFunctions.Telemetry;

/// <summary>Registers the app's metrics and, when Application Insights is configured, exports them to it.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSessionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<SessionMetrics>();

        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (!string.IsNullOrEmpty(connectionString))
        {
            // The worker's Application Insights SDK carries logs and requests; its classic pipeline does not read
            // System.Diagnostics.Metrics, so the app's meter goes through the Azure Monitor exporter.
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(SessionMetrics.MeterName)
                .AddAzureMonitorMetricExporter(exporter =>
                {
                    exporter.ConnectionString = connectionString;
                    var clientId = EntraClientId(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
                    if (clientId is not null)
                    {
                        exporter.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                    }
                }));
        }

        return services;
    }

    /// <summary>The user-assigned identity's client id in <c>ClientId=...;Authorization=AAD</c>, the Functions host's format.</summary>
    internal static string? EntraClientId(string? authenticationString)
    {
        var parts = (authenticationString ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var mode) && string.Equals(mode, "AAD", StringComparison.OrdinalIgnoreCase)
            && parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? clientId
            : null;
    }
}
