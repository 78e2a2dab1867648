using Azure.Data.Tables;
using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>
/// Storage that is down, hangs, refuses or throttles: the check throws its one failure type within its bound, or,
/// when the retries absorb a fault, still gives the right answer. Never "not revoked" by accident.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class RevocationCheckFaultTests(AzuriteFixture fixture)
{
    /// <summary>How long a test waits for a check that must end; far above any bound, so a slow machine passes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _table = AzuriteFixture.NewTableName();

    [Fact]
    public async Task Storage_that_is_down_throws_after_the_bounded_tries()
    {
        using var services = CheckerServices.Create(FaultyTableStorage.Down(), _table);

        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() =>
            services.Checker.IsRevokedAsync(null, "a.b.c").WaitAsync(Patience));

        Assert.Equal(RevocationCheckFailure.Unreachable, failure.Reason);
        Assert.NotNull(failure.InnerException);
        Assert.Contains($"'{_table}'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, services.Requests.Count);
    }

    [Fact]
    public async Task Hanging_storage_throws_when_the_checkers_own_bound_passes()
    {
        using var silent = FaultyTableStorage.Silent();
        using var services = CheckerServices.Create(FaultyTableStorage.ConnectionTo(silent), _table, CheckerServices.OneEndlessTry);

        var check = services.Checker.IsRevokedAsync(null, "a.b.c");
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(Patience);
        services.Time.Advance(TimeSpan.FromMinutes(5));

        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() => check.WaitAsync(Patience));
        Assert.Equal(RevocationCheckFailure.Timeout, failure.Reason);
        Assert.IsAssignableFrom<OperationCanceledException>(failure.InnerException);
        Assert.Contains("in time", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hanging_storage_ends_with_the_default_options_on_the_real_clock()
    {
        using var silent = FaultyTableStorage.Silent();
        var defaults = new RevocationCheckOptions { TableName = _table };
        var checker = new RevocationChecker(RevocationTableClient.Create(FaultyTableStorage.ConnectionTo(silent), defaults), defaults);

        // Not a speed target: the point is that it ends, as the failure type, whatever the machine's load.
        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() => checker.IsRevokedAsync(null, "a.b.c").WaitAsync(Patience));

        Assert.Equal(RevocationCheckFailure.Timeout, failure.Reason);
    }

    [Theory]
    [InlineData(403, "AuthorizationPermissionMismatch")]
    [InlineData(403, "AuthenticationFailed")]
    [InlineData(401, "InvalidAuthenticationInfo")]
    public async Task A_refused_identity_throws_at_once_naming_the_role_to_grant(int status, string errorCode)
    {
        await using var storage = await FaultyTableStorage.StartAsync(fixture.Azurite, failures: int.MaxValue, status, errorCode);
        using var services = CheckerServices.Create(storage.ConnectionString, _table);

        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() => services.Checker.IsRevokedAsync(null, "a.b.c"));

        Assert.Equal(RevocationCheckFailure.AccessDenied, failure.Reason);
        Assert.Contains("Storage Table Data Reader", failure.Message, StringComparison.Ordinal);
        Assert.Equal(status, Assert.IsType<Azure.RequestFailedException>(failure.InnerException).Status);
        Assert.Equal(1, storage.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Throttling_that_ends_within_the_retries_still_gives_the_right_answer(bool recorded)
    {
        var rootId = Guid.NewGuid().ToString();
        var table = new TableClient(fixture.Azurite.ConnectionString, _table);
        await table.CreateIfNotExistsAsync();
        if (recorded)
        {
            await table.AddEntityAsync(new RevocationRecord { PartitionKey = TokenFamily.FromRootId(rootId) });
        }

        await using var storage = await FaultyTableStorage.StartAsync(fixture.Azurite, failures: 2, 503, "ServerBusy");
        using var services = CheckerServices.Create(storage.ConnectionString, _table);

        Assert.Equal(recorded, await services.Checker.IsRevokedAsync(rootId, "a.b.c").WaitAsync(Patience));
        Assert.Equal(3, storage.Requests);
    }

    [Fact]
    public async Task Throttling_past_the_retries_throws()
    {
        await using var storage = await FaultyTableStorage.StartAsync(fixture.Azurite, failures: int.MaxValue, 503, "ServerBusy");
        using var services = CheckerServices.Create(storage.ConnectionString, _table);

        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() => services.Checker.IsRevokedAsync(null, "a.b.c").WaitAsync(Patience));

        Assert.Equal(RevocationCheckFailure.StorageBusy, failure.Reason);
        Assert.Equal(3, storage.Requests);
    }

    [Fact]
    public async Task A_404_without_ResourceNotFound_is_a_failure_not_an_absent_record()
    {
        await using var storage = await FaultyTableStorage.StartAsync(fixture.Azurite, failures: int.MaxValue, 404, "ResourceNotFoundButNotQuite");
        using var services = CheckerServices.Create(storage.ConnectionString, _table);

        var failure = await Assert.ThrowsAsync<RevocationCheckFailedException>(() => services.Checker.IsRevokedAsync(null, "a.b.c"));

        Assert.Equal(RevocationCheckFailure.Other, failure.Reason);
    }

    [Fact]
    public async Task The_callers_cancellation_ends_a_hanging_check_as_cancellation_not_as_a_failure()
    {
        using var silent = FaultyTableStorage.Silent();
        using var services = CheckerServices.Create(FaultyTableStorage.ConnectionTo(silent), _table);
        using var caller = new CancellationTokenSource();

        var check = services.Checker.IsRevokedAsync(null, "a.b.c", caller.Token);
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(Patience);
        await caller.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.WaitAsync(Patience));
        Assert.Equal(caller.Token, cancelled.CancellationToken);
    }

    [Fact]
    public async Task An_already_cancelled_check_sends_nothing()
    {
        using var services = CheckerServices.Create(fixture.Azurite.ConnectionString, _table);
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Checker.IsFamilyRevokedAsync(TokenFamily.FromToken("a.b.c"), caller.Token));

        Assert.Equal(0, services.Requests.Count);
    }
}
