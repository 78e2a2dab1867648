using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;

namespace SignOutTool.Cost;

/// <summary>
/// Where a side's telemetry ends: counted by type after the worker's processors have run, instead of being serialised
/// and sent. Sending costs the same per item on either side and is the exporter's work, not the app's.
/// </summary>
internal sealed class CountingChannel : ITelemetryChannel
{
    /// <summary>The items sent, by type (<c>DependencyTelemetry</c>, <c>TraceTelemetry</c>, ...).</summary>
    public ConcurrentDictionary<string, long> Items { get; } = new(StringComparer.Ordinal);

    public bool? DeveloperMode { get; set; }

    public string EndpointAddress { get; set; } = string.Empty;

    public void Send(ITelemetry item) => Items.AddOrUpdate(item.GetType().Name, 1, static (_, n) => n + 1);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
