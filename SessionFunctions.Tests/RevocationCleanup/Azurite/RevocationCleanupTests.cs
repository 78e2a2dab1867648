using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SessionFunctions.Revocation;
using SessionFunctions.RevocationCleanup;
using SessionFunctions.SignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.Tests.RevocationCleanup.Azurite;

/// <summary>The clean-up against Azurite: expired records go, records whose family may still hold a valid token stay.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class RevocationCleanupTests(AzuriteFixture fixture)
{
    private readonly string _table = AzuriteFixture.NewTableName();

    private string Connection => fixture.Azurite.ConnectionString;

    [Fact]
    public async Task A_record_is_kept_until_retain_until_plus_grace_has_passed_and_removed_just_after()
    {
        using var host = TableHosts.Create(Connection, _table, configure: s => s["RevocationCleanup:Grace"] = "01:00:00");
        var rootId = Guid.NewGuid().ToString();
        await host.SignOutAsync(TestTokens.Refresh(rootId: rootId));
        var retainUntil = (await Table().GetEntityAsync<RevocationRecord>(TokenFamily.FromRootId(rootId), RevocationRecord.RowKeyValue)).Value.RetainUntil;
        var cleaner = host.Services.GetRequiredService<RevocationCleaner>();

        // The last instant a token of the family could be valid, plus the grace: still kept.
        host.Time.SetUtcNow(retainUntil + TimeSpan.FromHours(1));
        Assert.Equal(0, (await cleaner.RunAsync(CancellationToken.None)).Removed);
        Assert.True(await new RevocationChecker(Table()).IsRevokedAsync(rootId, "unused"));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await cleaner.RunAsync(CancellationToken.None)).Removed);
        Assert.False(await new RevocationChecker(Table()).IsRevokedAsync(rootId, "unused"));
    }

    [Fact]
    public async Task More_records_than_one_batch_are_all_removed_and_unexpired_ones_kept()
    {
        using var host = TableHosts.Create(Connection, _table, configure: s => { s["RevocationCleanup:BatchSize"] = "10"; s["RevocationCleanup:Grace"] = "00:00:00"; });
        await SeedAsync(expired: 35, unexpired: 5, now: host.Time.GetUtcNow());
        using var removedMetric = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SessionMetrics.MeterName, SessionMetrics.CleanupRemoved);

        var result = await host.Services.GetRequiredService<RevocationCleaner>().RunAsync(CancellationToken.None);

        Assert.Equal(35, result.Removed);
        Assert.True(result.Pages >= 4, $"{result.Pages} pages");
        Assert.Null(result.ContinuationToken);
        Assert.Equal(5, Table().Query<TableEntity>().Count());
        Assert.Equal(35, removedMetric.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_run_stops_at_its_time_budget_and_the_next_run_resumes()
    {
        using var host = TableHosts.Create(Connection, _table, configure: s =>
        {
            s["RevocationCleanup:BatchSize"] = "10";
            s["RevocationCleanup:Grace"] = "00:00:00";
            s["RevocationCleanup:MaxRunTime"] = "00:00:01";
        });
        await SeedAsync(expired: 30, unexpired: 0, now: host.Time.GetUtcNow());
        var cleaner = host.Services.GetRequiredService<RevocationCleaner>();
        host.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);

        var first = await cleaner.RunAsync(CancellationToken.None);
        var second = await cleaner.RunAsync(CancellationToken.None);
        var third = await cleaner.RunAsync(CancellationToken.None);

        Assert.Equal(1, first.Pages);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(30, first.Removed + second.Removed + third.Removed);
        Assert.Empty(Table().Query<TableEntity>());
    }

    [Fact]
    public async Task A_missing_table_is_nothing_to_clean()
    {
        using var host = TableHosts.Create(Connection, _table);
        var result = await host.Services.GetRequiredService<RevocationCleaner>().RunAsync(CancellationToken.None);
        Assert.Equal(0, result.Removed);
    }

    private TableClient Table() => TableHosts.Table(Connection, _table);

    private async Task SeedAsync(int expired, int unexpired, DateTimeOffset now)
    {
        await Table().CreateIfNotExistsAsync();
        var records = Enumerable.Range(0, expired).Select(i => Record(now.AddDays(-1).AddMinutes(-i)))
            .Concat(Enumerable.Range(0, unexpired).Select(i => Record(now.AddDays(1).AddMinutes(i))));
        foreach (var record in records)
        {
            await Table().AddEntityAsync(record);
        }
    }

    private static RevocationRecord Record(DateTimeOffset retainUntil) => new()
    {
        PartitionKey = TokenFamily.FromRootId(Guid.NewGuid().ToString()),
        Subject = "u",
        RevokedAt = retainUntil.AddDays(-30),
        Reason = RevocationRecordFactory.SignOutReason,
        FamilySource = "root",
        RetainUntil = retainUntil,
        CorrelationId = Guid.NewGuid().ToString(),
    };
}
