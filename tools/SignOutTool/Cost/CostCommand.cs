using System.CommandLine;
using System.Globalization;

namespace SignOutTool.Cost;

/// <summary>
/// Did a change make a sign-out dearer than a one-insert function in the same worker? The product and
/// <see cref="InsertFunction"/>, each composed as the worker composes it in a process of its own
/// (<see cref="SideCommand"/>) and called as the worker calls a function, against the same storage, batch by batch,
/// the order rotating so that neither side always meets the warmer or fuller store.
/// </summary>
internal static class CostCommand
{
    private static readonly Option<int> WarmUp = ToolOptions.Positive("--warmup", 20000, "Calls on each side before measuring, so that tiered compilation has finished (after 4,000 the product's ReadyToRun code was still tiering up).");

    public static Command Create()
    {
        var command = new Command("cost", "CPU, bytes allocated, wall time, log records and telemetry items per sign-out beside a one-insert function.")
        {
            ToolOptions.Storage, ToolOptions.Requests, ToolOptions.Concurrency, ToolOptions.Rounds, WarmUp, ToolOptions.Settings,
        };
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed)
    {
        var (requests, concurrency, rounds, warmUp) = (parsed.GetValue(ToolOptions.Requests), parsed.GetValue(ToolOptions.Concurrency), parsed.GetValue(ToolOptions.Rounds), parsed.GetValue(WarmUp));
        string[] child = [SideCommand.Name, "--storage", parsed.GetRequiredValue(ToolOptions.Storage), "--settings", parsed.GetRequiredValue(ToolOptions.Settings), "--side"];
        await using var product = ToolProcess.Start([.. child, nameof(CostSide.Product)]);
        await using var floor = ToolProcess.Start([.. child, nameof(CostSide.Floor)]);
        var (sides, batches) = (new[] { product, floor }, new[] { new List<BatchCost>(), new List<BatchCost>() });
        Console.WriteLine($"warm-up: {warmUp} calls on each side at concurrency {concurrency}");
        await Task.WhenAll(sides.Select(side => BatchCost.RunAsync(side, warmUp, concurrency))).ConfigureAwait(false);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? [0, 1] : new[] { 1, 0 })
            {
                batches[side].Add(await BatchCost.RunAsync(sides[side], requests, concurrency).ConfigureAwait(false));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds}: product {batches[0][^1].CpuMs * 1000 / requests:F1} µs CPU, floor {batches[1][^1].CpuMs * 1000 / requests:F1} µs"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            per call: {rounds} batches of {requests} per side, rotating, concurrency {concurrency}, after {warmUp} warm-up calls each; every answer 200/0
                              product         floor   product/floor
            CPU µs       {Row(b => b.CpuMs * 1000)}
            allocated B  {Row(b => b.AllocatedBytes)}
            wall ms      {Row(b => b.ElapsedMs)}
            log records  {Row(b => b.LogRecords)}
            telemetry    {Row(b => b.TelemetryItems)}
            """));
        return 0;

        string Row(Func<BatchCost, double> value)
        {
            var (p, f) = (batches[0].Sum(value) / batches[0].Sum(b => b.Requests), batches[1].Sum(value) / batches[1].Sum(b => b.Requests));
            return string.Create(CultureInfo.InvariantCulture, $"{p,12:0.###}  {f,12:0.###}  {(f > 0 ? (p / f).ToString("F2", CultureInfo.InvariantCulture) : "-"),14}");
        }
    }
}
