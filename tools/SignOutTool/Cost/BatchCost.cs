using System.Diagnostics;
using Microsoft.ApplicationInsights;

namespace SignOutTool.Cost;

/// <summary>What one measured batch cost its process: CPU time, bytes allocated, latencies, log records, telemetry items.</summary>
internal sealed record BatchCost(double CpuMs, long AllocatedBytes, double ElapsedMs, double[] LatenciesMs, Dictionary<string, int> Outcomes, long LogRecords, Dictionary<string, long> TelemetryItems)
{
    public int Requests => LatenciesMs.Length;

    public int Failures => Outcomes.Where(o => o.Key != "200/0").Sum(o => o.Value);

    /// <summary>
    /// Runs <paramref name="inputs"/> through <paramref name="send"/>, then flushes the telemetry the batch caused
    /// (it would otherwise land in the next window) and charges both to the batch.
    /// </summary>
    public static async Task<BatchCost> MeasureAsync(IReadOnlyList<string> inputs, int concurrency, Func<string, CancellationToken, Task<(int Status, int Code)>> send, TelemetryClient? telemetry, CountingLoggerProvider logs, TelemetrySink sink)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        logs.Reset();
        sink.Reset();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var report = await LoadRunner.RunAsync(inputs, concurrency, send, CancellationToken.None).ConfigureAwait(false);
        if (telemetry is not null)
        {
            await telemetry.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        process.Refresh();
        return new BatchCost(
            (process.TotalProcessorTime - cpu).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            elapsed.TotalMilliseconds,
            report.LatenciesMs,
            new Dictionary<string, int>(report.Outcomes),
            logs.Records,
            new Dictionary<string, long>(sink.Items));
    }
}
