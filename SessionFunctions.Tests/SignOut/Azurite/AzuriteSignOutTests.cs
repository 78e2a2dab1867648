using SessionFunctions.Revocation;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut.Azurite;

/// <summary>Sign-out through the composed function against a real Azurite Table service.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class AzuriteSignOutTests(AzuriteFixture fixture)
{
    private readonly string _table = AzuriteFixture.NewTableName();

    private string Connection => fixture.Azurite.ConnectionString;

    [Fact]
    public async Task Sign_out_writes_one_record_under_the_family_key_creating_the_table()
    {
        var rootId = Guid.NewGuid().ToString();
        using var host = TableHosts.Create(Connection, _table);

        var response = await host.SignOutAsync(TestTokens.Refresh(rootId: rootId, connector: "logto"));

        Assert.Equal(ApiCode.Success, response.Code);
        var entities = await TableHosts.ReadAllAsync(Connection, _table);
        var entity = Assert.Single(entities);
        Assert.Equal(TokenFamily.FromRootId(rootId), entity.PartitionKey);
        Assert.Equal(RevocationRecord.RowKeyValue, entity.RowKey);
        Assert.Equal("lpua", entity.GetString("Subject"));
        Assert.Equal(TestTokens.Now, entity.GetDateTimeOffset("RevokedAt"));
        Assert.Equal("sign-out", entity.GetString("Reason"));
        Assert.Equal("root", entity.GetString("FamilySource"));
        Assert.Equal(TestTokens.Now.AddDays(14), entity.GetDateTimeOffset("TokenExpiresAt"));
        Assert.Equal(TestTokens.Now.AddDays(30), entity.GetDateTimeOffset("RetainUntil"));
        Assert.Equal(response.Headers["x-correlation-id"].ToString(), entity.GetString("CorrelationId"));
        Assert.Equal("logto", entity.GetString("Connector"));
        Assert.DoesNotContain(entity, p => p.Value is string s && s.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_sign_out_keeps_exactly_one_record_with_the_first_time()
    {
        var rootId = Guid.NewGuid().ToString();
        using var host = TableHosts.Create(Connection, _table);

        await host.SignOutAsync(TestTokens.Refresh(rootId: rootId));
        host.Time.Advance(TimeSpan.FromHours(1));
        var again = await host.SignOutAsync(TestTokens.Refresh(rootId: rootId));

        Assert.Equal(ApiCode.Success, again.Code);
        var entity = Assert.Single(await TableHosts.ReadAllAsync(Connection, _table));
        Assert.Equal(TestTokens.Now, entity.GetDateTimeOffset("RevokedAt"));
    }

    [Fact]
    public async Task A_sign_out_is_exactly_one_storage_request_and_never_a_read_whatever_the_table_holds()
    {
        using var host = TableHosts.Create(Connection, _table);
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
            await host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString())));
        var counter = new RequestCounter();
        using var counted = TableHosts.Create(Connection, _table, counter);

        await counted.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()));
        await counted.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()));

        Assert.Equal(2, counter.Count);
        Assert.All(counter.Methods, m => Assert.Equal("POST", m));
    }

    [Fact]
    public async Task Refused_requests_send_nothing_to_storage()
    {
        var counter = new RequestCounter();
        using var host = TableHosts.Create(Connection, _table, counter);

        await host.DeleteAsync("{}");
        await host.SignOutAsync(TestTokens.Refresh(kid: "nope"));

        Assert.Equal(0, counter.Count);
    }
}
