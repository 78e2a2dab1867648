using Microsoft.ApplicationInsights.Channel;

namespace SignOutTool.Cost;

/// <summary>
/// Where a side's telemetry ends: counted after the worker's processors (sampling, metric extraction) have run,
/// instead of being serialised and sent. Sending costs the same per item on either side and is the exporter's work,
/// not the app's; the count shows when a change adds items.
/// </summary>
internal sealed class CountingChannel : ITelemetryChannel
{
    private long _items;

    public bool? DeveloperMode { get; set; }

    public string EndpointAddress { get; set; } = string.Empty;

    /// <summary>The items sent since the last call.</summary>
    public long Take() => Interlocked.Exchange(ref _items, 0);

    public void Send(ITelemetry item) => Interlocked.Increment(ref _items);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
