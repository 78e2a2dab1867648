using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>The health check, run by the host's <see cref="HealthCheckService"/> as a refresh service would register it.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class RevocationHealthCheckTests(AzuriteFixture fixture)
{
    private readonly string _table = AzuriteFixture.NewTableName();

    [Fact]
    public async Task A_readable_table_is_healthy_with_one_point_read()
    {
        await new TableClient(fixture.Azurite.ConnectionString, _table).CreateIfNotExistsAsync();
        using var services = CheckerServices.Create(fixture.Azurite.ConnectionString, _table);

        var entry = (await services.Health.CheckHealthAsync()).Entries[CheckerServices.HealthCheckName];

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(1, services.Requests.Count);
        Assert.Equal("GET", Assert.Single(services.Requests.Methods));
    }

    [Fact]
    public async Task A_missing_table_is_unhealthy_with_the_reason()
    {
        using var services = CheckerServices.Create(fixture.Azurite.ConnectionString, _table);

        var entry = (await services.Health.CheckHealthAsync()).Entries[CheckerServices.HealthCheckName];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(nameof(RevocationCheckFailure.TableNotFound), entry.Data["reason"]);
        Assert.Contains($"'{_table}'", entry.Description, StringComparison.Ordinal);
        Assert.IsType<RevocationCheckFailedException>(entry.Exception);
    }

    [Fact]
    public async Task A_refused_identity_is_unhealthy_with_the_reason()
    {
        await using var storage = await FaultyTableStorage.StartAsync(fixture.Azurite, failures: int.MaxValue, 403, "AuthorizationPermissionMismatch");
        using var services = CheckerServices.Create(storage.ConnectionString, _table);

        var entry = (await services.Health.CheckHealthAsync()).Entries[CheckerServices.HealthCheckName];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(nameof(RevocationCheckFailure.AccessDenied), entry.Data["reason"]);
        Assert.Contains("Storage Table Data Reader", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hanging_storage_is_unhealthy_once_the_checks_bound_passes()
    {
        using var silent = FaultyTableStorage.Silent();
        using var services = CheckerServices.Create(FaultyTableStorage.ConnectionTo(silent), _table, CheckerServices.OneEndlessTry);

        var report = services.Health.CheckHealthAsync();
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));
        services.Time.Advance(TimeSpan.FromMinutes(5));
        var entry = (await report.WaitAsync(TimeSpan.FromSeconds(60))).Entries[CheckerServices.HealthCheckName];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(nameof(RevocationCheckFailure.Timeout), entry.Data["reason"]);
    }
}
