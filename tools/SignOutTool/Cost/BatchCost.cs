using System.Diagnostics;

namespace SignOutTool.Cost;

/// <summary>What one measured batch cost this process: CPU time, bytes allocated, and the load report.</summary>
internal sealed record BatchCost(double CpuMs, long AllocatedBytes, double ElapsedMs, double[] LatenciesMs, Dictionary<string, int> Outcomes)
{
    public int Requests => LatenciesMs.Length;

    /// <summary>Telemetry items the batch delivered to its process's sink, by type; none when nothing exported.</summary>
    public Dictionary<string, long>? TelemetryItems { get; init; }

    /// <summary>
    /// Runs <paramref name="inputs"/> through <paramref name="send"/> at <paramref name="concurrency"/>, then
    /// <paramref name="drain"/> (work the batch caused that would otherwise land in the next window), and charges
    /// both to the batch.
    /// </summary>
    public static async Task<BatchCost> MeasureAsync(
        IReadOnlyList<string> inputs,
        int concurrency,
        Func<string, CancellationToken, Task<(int Status, int Code)>> send,
        Func<Task>? drain = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var report = await LoadRunner.RunAsync(inputs, concurrency, send, CancellationToken.None).ConfigureAwait(false);
        if (drain is not null)
        {
            await drain().ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        process.Refresh();
        return new BatchCost(
            (process.TotalProcessorTime - cpu).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            elapsed.TotalMilliseconds,
            report.LatenciesMs,
            new Dictionary<string, int>(report.Outcomes));
    }
}
