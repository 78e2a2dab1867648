using System.Text.Json.Nodes;
using SignOutTool;
using SignOutTool.Cost;

namespace SessionFunctions.Tests.Tools.Azurite;

/// <summary>
/// The sides <c>SignOutTool cost</c> compares, run as the child processes it starts: each batch is charged with the
/// telemetry and log records it caused, so a change that adds either shows in the figures. The floor sends one
/// dependency per insert and logs nothing (otherwise it would understate or overstate what the product adds).
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class CostSideTests(AzuriteFixture fixture)
{
    private static readonly TimeSpan Batch = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_floor_reports_each_insert_as_one_telemetry_item_within_its_batch_and_no_log_record()
    {
        await using var floor = Start(CostSide.Floor, RepositoryRoot.Combine("local.settings.sample.json"));

        var first = await Eventually.WithinAsync(BatchCost.RunAsync(floor, requests: 20, concurrency: 4), Batch, "the floor's first batch");
        var second = await Eventually.WithinAsync(BatchCost.RunAsync(floor, requests: 30, concurrency: 4), Batch, "the floor's second batch");

        Assert.Equal((20, 20L, 0), (first.Outcomes["200/0"], first.TelemetryItems, first.LogRecords));
        Assert.Equal((30, 30L, 0), (second.Outcomes["200/0"], second.TelemetryItems, second.LogRecords));
        Assert.True(first.CpuMs > 0 && first.AllocatedBytes > 0, "a batch is charged the CPU and the bytes it used");
    }

    [Fact]
    public async Task The_product_takes_its_settings_file_so_a_debug_level_shows_as_one_log_record_and_one_more_telemetry_item_per_sign_out()
    {
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("local.settings.sample.json")))!;
        settings["Values"]!["Logging__LogLevel__SessionFunctions"] = "Debug";
        var path = Path.Combine(Path.GetTempPath(), $"cost-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, settings.ToJsonString());
        try
        {
            await using var product = Start(CostSide.Product, path);

            var batch = await Eventually.WithinAsync(BatchCost.RunAsync(product, requests: 20, concurrency: 4), Batch, "the product's batch");

            // A dependency for the insert and, with the Debug line on, a trace: Application Insights bills it.
            Assert.Equal((20, 40L, 20), (batch.Outcomes["200/0"], batch.TelemetryItems, batch.LogRecords));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private ToolProcess Start(CostSide side, string settings) =>
        ToolProcess.Start([SideCommand.Name, "--side", side.ToString(), "--storage", fixture.Azurite.ConnectionString, "--settings", settings]);
}
