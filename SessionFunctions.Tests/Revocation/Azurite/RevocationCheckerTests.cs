using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>The check against a real table: the three answers storage can give and what each one becomes.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class RevocationCheckerTests(AzuriteFixture fixture)
{
    private readonly string _table = AzuriteFixture.NewTableName();

    private string Connection => fixture.Azurite.ConnectionString;

    [Fact]
    public async Task A_family_with_a_record_is_revoked()
    {
        var rootId = Guid.NewGuid().ToString();
        await WriteRecordAsync(TokenFamily.FromRootId(rootId));
        using var services = CheckerServices.Create(Connection, _table);

        Assert.True(await services.Checker.IsRevokedAsync(rootId, "a.b.c"));
        Assert.Equal(1, services.Requests.Count);
    }

    [Fact]
    public async Task A_family_without_a_record_in_an_existing_table_is_not_revoked()
    {
        await WriteRecordAsync(TokenFamily.FromRootId(Guid.NewGuid().ToString()));
        using var services = CheckerServices.Create(Connection, _table);

        Assert.False(await services.Checker.IsRevokedAsync(Guid.NewGuid().ToString(), "a.b.c"));
        Assert.Equal(1, services.Requests.Count);
    }

    [Fact]
    public async Task A_missing_table_throws_naming_the_table_and_never_answers_not_revoked()
    {
        using var services = CheckerServices.Create(Connection, _table);

        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() => services.Checker.IsRevokedAsync(Guid.NewGuid().ToString(), "a.b.c"));

        Assert.Equal(RevocationCheckFailure.TableNotFound, failure.Reason);
        Assert.Equal(_table, failure.TableName);
        Assert.Contains($"'{_table}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("table name", failure.Message, StringComparison.Ordinal);
        var cause = Assert.IsType<Azure.RequestFailedException>(failure.InnerException);
        Assert.Equal(404, cause.Status);
        // A missing table is not retried: it is not transient.
        Assert.Equal(1, services.Requests.Count);
    }

    [Fact]
    public async Task The_counter_counts_each_outcome_once()
    {
        var revokedRoot = Guid.NewGuid().ToString();
        await WriteRecordAsync(TokenFamily.FromRootId(revokedRoot));
        using var services = CheckerServices.Create(Connection, _table);
        using var missing = CheckerServices.Create(Connection, AzuriteFixture.NewTableName());
        using var checks = new MetricCollector<long>(services.Services.GetRequiredService<IMeterFactory>(), RevocationCheckMetrics.MeterName, RevocationCheckMetrics.CounterName);
        using var failedChecks = new MetricCollector<long>(missing.Services.GetRequiredService<IMeterFactory>(), RevocationCheckMetrics.MeterName, RevocationCheckMetrics.CounterName);

        await services.Checker.IsRevokedAsync(revokedRoot, "a.b.c");
        await services.Checker.IsRevokedAsync(revokedRoot, "d.e.f");
        await services.Checker.IsRevokedAsync(null, "a.b.c");
        await Assert.ThrowsAsync<RevocationCheckFailedException>(() => missing.Checker.IsRevokedAsync(null, "a.b.c"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Checker.IsRevokedAsync(null, "a.b.c", cancelled.Token));

        Assert.Equal(2, Count(checks, "revoked"));
        Assert.Equal(1, Count(checks, "not_revoked"));
        Assert.Equal(0, Count(checks, "failed"));
        var failed = Assert.Single(failedChecks.GetMeasurementSnapshot());
        Assert.Equal("failed", failed.Tags["outcome"]);
        Assert.Equal("table_not_found", failed.Tags["reason"]);
        // The health probe is not a check a refresh ran: it is not counted.
        await services.Health.CheckHealthAsync();
        Assert.Equal(3, checks.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    private static long Count(MetricCollector<long> collector, string outcome) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["outcome"], outcome)).Sum(m => m.Value);

    private async Task WriteRecordAsync(string familyKey)
    {
        var table = new TableClient(Connection, _table);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new RevocationRecord { PartitionKey = familyKey, Subject = "lpua", Reason = "sign-out" });
    }
}
