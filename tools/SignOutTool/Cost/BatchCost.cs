using System.Text.Json;

namespace SignOutTool.Cost;

/// <summary>What one batch cost its side's process: CPU time, bytes allocated, wall time, answers, telemetry items by type.</summary>
internal sealed record BatchCost(int Requests, double CpuMs, long AllocatedBytes, double ElapsedMs, Dictionary<string, int> Outcomes, Dictionary<string, long> TelemetryItems)
{
    /// <summary>Has a side (<see cref="SideCommand"/>) run a batch and reads its cost; null, with the likely cause on <paramref name="error"/>, when the side ended or any call failed.</summary>
    public static async Task<BatchCost?> RunAsync(ToolProcess side, int requests, int concurrency, TextWriter error, CancellationToken cancellationToken = default)
    {
        var batch = await side.ReadLineAsync($"{requests} {concurrency}", cancellationToken).ConfigureAwait(false) is { } line ? JsonSerializer.Deserialize<BatchCost>(line) : null;
        var failure = batch is null ? FailureHint.StorageUnavailable : FailureHint.MostCommonFailure(batch.Outcomes);
        if (failure is not null)
        {
            await error.WriteLineAsync(batch is null ? $"A side ended before it answered ({side.Reason ?? "no reason given"}). If it could not reach storage: {FailureHint.For(failure)}" : $"{batch.Outcomes[failure]} of {requests} calls answered {failure}. Likely cause: {FailureHint.For(failure)}").ConfigureAwait(false);
        }

        return failure is null ? batch : null;
    }
}
