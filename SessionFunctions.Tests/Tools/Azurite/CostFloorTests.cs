using SignOutTool.Cost;

namespace SessionFunctions.Tests.Tools.Azurite;

/// <summary>
/// The floor <c>SignOutTool cost</c> compares the product with, run as the child process it starts: a one-insert
/// function in the worker as the app composes it, which really sends one dependency per insert within its batch
/// (otherwise it would understate what that dependency costs) and no trace or log record (which would overstate it).
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class CostFloorTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_floor_reports_each_insert_as_one_dependency_within_its_batch_and_nothing_else()
    {
        using var floor = SideProcess.Start(CostSide.Floor, fixture.Azurite.ConnectionString, AzuriteFixture.NewTableName(), RepositoryRoot.Combine("local.settings.sample.json"));

        var first = await Eventually.WithinAsync(floor.RunAsync(requests: 20, concurrency: 4), TimeSpan.FromSeconds(60), "the floor's first batch");
        var second = await Eventually.WithinAsync(floor.RunAsync(requests: 30, concurrency: 4), TimeSpan.FromSeconds(60), "the floor's second batch");

        Assert.Equal(20, first.Outcomes["200/0"]);
        Assert.Equal(20, first.TelemetryItems["RemoteDependencyData"]);
        Assert.Equal(30, second.Outcomes["200/0"]);
        Assert.Equal(30, second.TelemetryItems["RemoteDependencyData"]);
        Assert.Equal(["RemoteDependencyData"], first.TelemetryItems.Keys.Concat(second.TelemetryItems.Keys).Distinct());
        Assert.Equal(0, first.LogRecords + second.LogRecords);
    }
}
