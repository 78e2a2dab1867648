using SignOutTool.Cost;

namespace SessionFunctions.Tests.Tools.Azurite;

/// <summary>
/// The floors <c>SignOutTool cost</c> compares the product with, run as the child processes it starts: the bare
/// insert reports no telemetry; the telemetry floor and the function floor really send one dependency per insert
/// (otherwise their figures would understate what that dependency costs) and no trace (which would overstate them).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class CostFloorTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_bare_floor_inserts_and_exports_nothing()
    {
        using var floor = FloorProcess.Start(fixture.Azurite.ConnectionString, AzuriteFixture.NewTableName(), FloorKind.Bare);

        var batch = await floor.RunAsync(requests: 20, concurrency: 4);

        Assert.Equal(20, batch.Outcomes["200/0"]);
        Assert.Null(batch.TelemetryItems);
    }

    [Theory]
    [InlineData(FloorKind.Telemetry)]
    [InlineData(FloorKind.Function)]
    public async Task A_floor_with_telemetry_reports_each_insert_as_one_dependency_within_its_batch(FloorKind kind)
    {
        using var floor = FloorProcess.Start(fixture.Azurite.ConnectionString, AzuriteFixture.NewTableName(), kind);

        var first = await floor.RunAsync(requests: 20, concurrency: 4);
        var second = await floor.RunAsync(requests: 30, concurrency: 4);

        Assert.Equal(20, first.Outcomes["200/0"]);
        Assert.Equal(20, first.TelemetryItems!["RemoteDependencyData"]);
        Assert.Equal(30, second.Outcomes["200/0"]);
        Assert.Equal(30, second.TelemetryItems!["RemoteDependencyData"]);
        // Nothing else that costs per request: no trace (a floor writes no log line, and its result logs nothing).
        Assert.DoesNotContain("MessageData", first.TelemetryItems.Keys.Concat(second.TelemetryItems.Keys));
    }
}
