using System.Text.Json.Nodes;
using SignOutTool;
using SignOutTool.Cost;

namespace SessionFunctions.Tests.Tools.Azurite;

/// <summary>
/// The sides <c>SignOutTool cost</c> compares, run as the child processes it starts: each batch is charged with the
/// telemetry its calls made, every item of it, so a change that adds items shows in the figures. The floor sends one
/// dependency per insert and no trace (otherwise it would understate or overstate what the product adds).
/// Items the worker makes on timers (metric aggregates, counters) may land in any batch and are not asserted.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class CostSideTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_floor_reports_each_insert_as_one_dependency_within_its_batch_and_no_trace()
    {
        await using var floor = Start(CostSide.Floor, RepositoryRoot.Combine("local.settings.sample.json"));

        var first = await RunAsync(floor, requests: 20);
        var second = await RunAsync(floor, requests: 30);

        Assert.Equal((20, 20L, 0L), (first.Outcomes["200/0"], first.TelemetryItems["DependencyTelemetry"], first.TelemetryItems.GetValueOrDefault("TraceTelemetry")));
        Assert.Equal((30, 30L, 0L), (second.Outcomes["200/0"], second.TelemetryItems["DependencyTelemetry"], second.TelemetryItems.GetValueOrDefault("TraceTelemetry")));
        Assert.True(first.CpuMs > 0 && first.AllocatedBytes > 0, "a batch is charged the CPU and the bytes it used");
    }

    [Fact]
    public async Task The_product_takes_its_settings_file_so_a_debug_level_shows_as_one_trace_per_sign_out()
    {
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("local.settings.sample.json")))!;
        settings["Values"]!["Logging__LogLevel__SessionFunctions"] = "Debug";
        var path = Path.Combine(Path.GetTempPath(), $"cost-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, settings.ToJsonString());
        try
        {
            await using var product = Start(CostSide.Product, path);

            var batch = await RunAsync(product, requests: 20);

            // A dependency for the insert and, with the Debug line on, its trace: Application Insights bills it.
            Assert.Equal((20, 20L, 20L), (batch.Outcomes["200/0"], batch.TelemetryItems["DependencyTelemetry"], batch.TelemetryItems["TraceTelemetry"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_side_whose_read_is_cancelled_is_stopped_not_left_running()
    {
        await using var floor = Start(CostSide.Floor, RepositoryRoot.Combine("local.settings.sample.json"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => floor.ReadLineAsync("1000000 4", cancel.Token));

        await Eventually.TrueAsync(() => floor.HasExited, TimeSpan.FromSeconds(10), "the side to be stopped after its read was cancelled");
    }

    private static async Task<BatchCost> RunAsync(ToolProcess side, int requests)
    {
        using var error = new StringWriter();
        var batch = await Eventually.WithinAsync(BatchCost.RunAsync(side, requests, concurrency: 4, error), TimeSpan.FromSeconds(60), $"a batch of {requests}");
        Assert.True(batch is not null, $"the batch failed: {error}");
        return batch;
    }

    private ToolProcess Start(CostSide side, string settings) =>
        ToolProcess.Start([SideCommand.Name, "--side", side.ToString(), "--storage", fixture.Azurite.ConnectionString, "--settings", settings]);
}
