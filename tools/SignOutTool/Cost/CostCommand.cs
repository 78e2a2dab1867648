using System.CommandLine;
using System.Globalization;

namespace SignOutTool.Cost;

/// <summary>
/// Did a change make a sign-out dearer than a one-insert function in the same worker? The product and
/// <see cref="InsertFunction"/>, each composed as the worker composes it in a process of its own
/// (<see cref="SideCommand"/>), called as the worker calls a function, against the same storage, batch by batch
/// with the order rotating.
/// </summary>
internal static class CostCommand
{
    public static Command Create()
    {
        var warmUp = ToolOptions.Positive("--warmup", 20000, "Calls on each side before measuring, so that tiered compilation has finished (4,000 left the product's ReadyToRun code still tiering up in the first batch).");
        var command = new Command("cost", "CPU, bytes allocated, throughput, p99, log records and telemetry items per sign-out beside a one-insert function.")
        {
            ToolOptions.Storage, ToolOptions.Requests, ToolOptions.Concurrency, ToolOptions.Rounds, warmUp, SideCommand.Set, ToolOptions.Settings,
        };
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(parsed => RunAsync(parsed, parsed.GetValue(warmUp)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, int warmUp)
    {
        var (storage, settings) = (parsed.GetRequiredValue(ToolOptions.Storage), parsed.GetRequiredValue(ToolOptions.Settings));
        var (requests, concurrency, rounds) = (parsed.GetValue(ToolOptions.Requests), parsed.GetValue(ToolOptions.Concurrency), parsed.GetValue(ToolOptions.Rounds));
        var run = Guid.NewGuid().ToString("N")[..8];
        using var product = SideProcess.Start(CostSide.Product, storage, "costproduct" + run, settings, parsed.GetValue(SideCommand.Set));
        using var floor = SideProcess.Start(CostSide.Floor, storage, "costfloor" + run, settings);
        var sides = new[] { product, floor };
        var batches = new[] { new List<BatchCost>(), new List<BatchCost>() };

        Console.WriteLine($"warm-up: {warmUp} calls on each side at concurrency {concurrency}");
        try
        {
            foreach (var warm in await Task.WhenAll(sides.Select(s => s.RunAsync(warmUp, concurrency))).ConfigureAwait(false))
            {
                if (warm.Failures * 2 > warm.Requests)
                {
                    Console.Error.WriteLine($"Most warm-up calls failed ({Describe(warm.Outcomes)}). Likely cause: " + FailureHint.For(warm.Outcomes.Where(o => o.Key != "200/0").MaxBy(o => o.Value).Key));
                    return 3;
                }
            }
        }
        catch (InvalidOperationException exception)
        {
            // A side that cannot reach storage ends before it answers (its reason is on standard error above).
            Console.Error.WriteLine($"{exception.Message} Likely cause: " + FailureHint.For(FailureHint.StorageUnavailable));
            return 3;
        }

        for (var round = 0; round < rounds; round++)
        {
            // The order rotates so that neither side always meets a warmer or fuller store.
            foreach (var side in round % 2 == 0 ? [0, 1] : new[] { 1, 0 })
            {
                batches[side].Add(await sides[side].RunAsync(requests, concurrency).ConfigureAwait(false));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds}: product {batches[0][^1].CpuMs * 1000 / requests:F1} µs CPU, floor {batches[1][^1].CpuMs * 1000 / requests:F1} µs"));
        }

        var (p, f) = (Totals.Of(batches[0]), Totals.Of(batches[1]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            per call: {rounds} batches of {requests} per side, rotating, concurrency {concurrency}, after {warmUp} warm-up calls each
                               product          floor   product/floor
            CPU          {p.CpuUs,10:F1} µs  {f.CpuUs,10:F1} µs  {p.CpuUs / f.CpuUs,9:F2}
            allocated    {p.Bytes,10:F0} B   {f.Bytes,10:F0} B   {p.Bytes / f.Bytes,9:F2}
            throughput   {p.Throughput,10:F0} /s  {f.Throughput,10:F0} /s  {p.Throughput / f.Throughput,9:F2}
            p99          {p.P99,10:F2} ms  {f.P99,10:F2} ms  {p.P99 / f.P99,9:F2}
            log records  {p.LogRecords,10:F3}     {f.LogRecords,10:F3}
            telemetry    product {p.Items}; floor {f.Items}
            answers      product {p.Answers}; floor {f.Answers}
            """));
        return batches.SelectMany(b => b).Sum(b => b.Failures) == 0 ? 0 : 3;
    }

    private static string Describe(IEnumerable<KeyValuePair<string, int>> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Sum(o => o.Value)}"));

    /// <summary>A side's batches, per call.</summary>
    private sealed record Totals(double CpuUs, double Bytes, double Throughput, double P99, double LogRecords, string Items, string Answers)
    {
        public static Totals Of(List<BatchCost> batches)
        {
            var calls = (double)batches.Sum(b => b.Requests);
            var latencies = batches.SelectMany(b => b.LatenciesMs).Order().ToArray();
            var items = batches.SelectMany(b => b.TelemetryItems).GroupBy(i => i.Key).OrderBy(g => g.Key)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Sum(i => i.Value) / calls:F3} {g.Key}"));
            return new Totals(
                batches.Sum(b => b.CpuMs) * 1000 / calls,
                batches.Sum(b => b.AllocatedBytes) / calls,
                calls / (batches.Sum(b => b.ElapsedMs) / 1000),
                latencies[Math.Clamp((int)Math.Ceiling(0.99 * latencies.Length) - 1, 0, latencies.Length - 1)],
                batches.Sum(b => b.LogRecords) / calls,
                string.Join(", ", items.DefaultIfEmpty("none")),
                Describe(batches.SelectMany(b => b.Outcomes)));
        }
    }
}
