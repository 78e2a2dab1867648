using System.Collections.Concurrent;
using System.Diagnostics;

namespace SignOutTool;

/// <summary>
/// Sends a bounded number of sign-outs at a set concurrency and measures each. <c>send</c> returns the HTTP status
/// and the envelope code; an exception counts as an error outcome.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(IReadOnlyList<string> tokens, int concurrency, Func<string, CancellationToken, Task<(int Status, int Code)>> send, CancellationToken cancellationToken)
    {
        var latencies = new double[tokens.Count];
        var outcomes = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tokens.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var started = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    var (status, code) = await send(tokens[i], token).ConfigureAwait(false);
                    outcome = $"{status}/{code}";
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcome = exception.GetType().Name;
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }).ConfigureAwait(false);
        return new LoadReport(tokens.Count, clock.Elapsed, latencies, outcomes);
    }
}
