using System.Text.Json;

namespace SignOutTool.Cost;

/// <summary>What one batch cost its side's process: CPU time, bytes allocated, wall time, answers, log records, telemetry items.</summary>
internal sealed record BatchCost(int Requests, double CpuMs, long AllocatedBytes, double ElapsedMs, Dictionary<string, int> Outcomes, int LogRecords, long TelemetryItems)
{
    /// <summary>Has a side (<see cref="SideCommand"/>) run a batch and reads its cost; a batch with any failed call stops the run with the likely cause.</summary>
    public static async Task<BatchCost> RunAsync(ToolProcess side, int requests, int concurrency)
    {
        var batch = JsonSerializer.Deserialize<BatchCost>(await side.ReadLineAsync($"{requests} {concurrency}").ConfigureAwait(false) ?? "null")
            ?? throw new InvalidOperationException("A side ended before it answered (its reason is on standard error above). Likely cause: " + FailureHint.For(FailureHint.StorageUnavailable));
        var failures = batch.Outcomes.Where(o => o.Key != "200/0").OrderByDescending(o => o.Value).ToList();
        return failures.Count == 0 ? batch : throw new InvalidOperationException($"{failures.Sum(o => o.Value)} of {batch.Requests} calls failed, most with {failures[0].Key}. Likely cause: " + FailureHint.For(failures[0].Key));
    }
}
