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
    private static readonly Option<int> WarmUp = ToolOptions.Positive("--warmup", 20000, "Calls on each side before measuring, so that tiered compilation has finished.");

    public static Command Create()
    {
        var command = new Command("cost", "CPU, bytes allocated, wall time and telemetry items per sign-out beside a one-insert function.") { ToolOptions.Storage, ToolOptions.Requests, ToolOptions.Concurrency, ToolOptions.Rounds, WarmUp, ToolOptions.Settings };
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var (requests, concurrency, rounds, warmUp) = (parsed.GetValue(ToolOptions.Requests), parsed.GetValue(ToolOptions.Concurrency), parsed.GetValue(ToolOptions.Rounds), parsed.GetValue(WarmUp));
        var (output, error) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
        if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is null)
        {
            return 1;
        }

        string[] child = [SideCommand.Name, "--storage", parsed.GetRequiredValue(ToolOptions.Storage), "--settings", parsed.GetRequiredValue(ToolOptions.Settings), "--side"];
        await using var product = ToolProcess.Start([.. child, nameof(CostSide.Product)]);
        await using var floor = ToolProcess.Start([.. child, nameof(CostSide.Floor)]);
        var (sides, batches) = (new[] { product, floor }, new[] { new List<BatchCost>(), new List<BatchCost>() });
        await output.WriteLineAsync($"warm-up: {warmUp} calls on each side at concurrency {concurrency}").ConfigureAwait(false);
        if ((await Task.WhenAll(sides.Select(side => BatchCost.RunAsync(side, warmUp, concurrency, error, cancellationToken))).ConfigureAwait(false)).Contains(null))
        {
            return 3;
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? [0, 1] : new[] { 1, 0 })
            {
                if (await BatchCost.RunAsync(sides[side], requests, concurrency, error, cancellationToken).ConfigureAwait(false) is not { } batch)
                {
                    return 3;
                }

                batches[side].Add(batch);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds}: product {batches[0][^1].CpuMs * 1000 / requests:F1} µs CPU, floor {batches[1][^1].CpuMs * 1000 / requests:F1} µs")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            per call: {rounds} batches of {requests} per side, rotating, concurrency {concurrency}, after {warmUp} warm-up calls each; every answer 200/0
                              product         floor   product/floor
            CPU µs       {Row(b => b.CpuMs * 1000)}
            allocated B  {Row(b => b.AllocatedBytes)}
            wall ms      {Row(b => b.ElapsedMs)}
            dependencies {Row(b => b.TelemetryItems.GetValueOrDefault("DependencyTelemetry"))}
            traces       {Row(b => b.TelemetryItems.GetValueOrDefault("TraceTelemetry"))}
            """)).ConfigureAwait(false);
        return 0;

        string Row(Func<BatchCost, double> value)
        {
            var (p, f) = (batches[0].Sum(value) / batches[0].Sum(b => b.Requests), batches[1].Sum(value) / batches[1].Sum(b => b.Requests));
            return string.Create(CultureInfo.InvariantCulture, $"{p,12:0.###}  {f,12:0.###}  {(f > 0 ? (p / f).ToString("F2", CultureInfo.InvariantCulture) : "-"),14}");
        }
    }
}
