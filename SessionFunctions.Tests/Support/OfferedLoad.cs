using System.Collections.Concurrent;
using System.Diagnostics;

namespace SessionFunctions.Tests.Support;

/// <summary>One sign-out sent under load: its family, what came back, and when (since the load started).</summary>
public sealed record SentSignOut(string RootId, SignOutResponse Response, TimeSpan SentAt, TimeSpan AnsweredAt)
{
    public TimeSpan Latency => AnsweredAt - SentAt;

    public bool Succeeded => Response.Status == 200 && Response.Code == 0;
}

/// <summary>
/// Sends sign-outs for distinct families at a fixed rate (open loop: a slow answer does not slow the sender, as
/// with real clients), each on its own task, and collects every answer.
/// </summary>
public static class OfferedLoad
{
    // Times are read from clock (started here when not given), so a test can relate them to its own events.
    public static Task<IReadOnlyList<SentSignOut>> SendAsync(SignOutHost host, double perSecond, TimeSpan duration, Stopwatch? clock = null) =>
        SendAsync(host, perSecond, duration, CancellationToken.None, clock);

    /// <summary>Sends until <paramref name="stopSending"/> is cancelled (or <paramref name="duration"/> has passed), then waits for every answer.</summary>
    public static async Task<IReadOnlyList<SentSignOut>> SendAsync(SignOutHost host, double perSecond, TimeSpan duration, CancellationToken stopSending, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var sent = new ConcurrentBag<SentSignOut>();
        var pending = new List<Task>();
        clock ??= Stopwatch.StartNew();
        var count = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < count && !stopSending.IsCancellationRequested; i++)
        {
            // The clock is read once: read twice, it can pass the due time between the check and the wait, and a
            // negative wait throws (seen beside stress-ng).
            var wait = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            var rootId = Guid.NewGuid().ToString();
            pending.Add(Task.Run(async () =>
            {
                var sentAt = clock.Elapsed;
                var response = await host.SignOutAsync(TestTokens.RefreshOnRealClock(rootId));
                sent.Add(new SentSignOut(rootId, response, sentAt, clock.Elapsed));
            }, CancellationToken.None));
        }

        await Task.WhenAll(pending);
        return sent.OrderBy(s => s.SentAt).ToList();
    }

    /// <summary>A failure message short enough to read: answers by status/code, then the first three bodies that failed.</summary>
    public static string Summary(IEnumerable<SignOutResponse> responses)
    {
        var all = responses.ToList();
        var counts = string.Join(", ", all.GroupBy(r => $"{r.Status}/{r.Code}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        var failures = all.Where(r => r.Code != 0).Take(3).Select(r => r.Body);
        return $"{all.Count} answers ({counts}); first failures: {string.Join(" | ", failures)}";
    }
}
