using SignOutTool.Cost;

namespace SessionFunctions.Tests.Tools.Azurite;

/// <summary>
/// The floors <c>SignOutTool cost</c> compares the product with, run as the child processes it starts: the bare
/// insert reports no telemetry, and the telemetry floor really sends one dependency per insert (otherwise its figure
/// would understate what the required dependency item costs).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class CostFloorTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_bare_floor_inserts_and_exports_nothing()
    {
        using var floor = FloorProcess.Start(fixture.Azurite.ConnectionString, AzuriteFixture.NewTableName());

        var batch = await floor.RunAsync(requests: 20, concurrency: 4);

        Assert.Equal(20, batch.Outcomes["200/0"]);
        Assert.Null(batch.TelemetryItems);
    }

    [Fact]
    public async Task The_telemetry_floor_reports_each_insert_as_one_dependency_within_its_batch()
    {
        using var floor = FloorProcess.Start(fixture.Azurite.ConnectionString, AzuriteFixture.NewTableName(), telemetry: true);

        var first = await floor.RunAsync(requests: 20, concurrency: 4);
        var second = await floor.RunAsync(requests: 30, concurrency: 4);

        Assert.Equal(20, first.Outcomes["200/0"]);
        Assert.Equal(20, first.TelemetryItems!["RemoteDependencyData"]);
        Assert.Equal(30, second.Outcomes["200/0"]);
        Assert.Equal(30, second.TelemetryItems!["RemoteDependencyData"]);
    }
}
