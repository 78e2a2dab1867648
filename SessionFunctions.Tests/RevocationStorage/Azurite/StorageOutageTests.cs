using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.RevocationStorage.Azurite;

/// <summary>Storage that is down: the answer is 200/50001 with Retry-After, never success without the record, and recovery is automatic.</summary>
[Trait("Uses", "Azurite")]
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Storage_down_is_50001_and_the_next_sign_out_after_recovery_succeeds()
    {
        await using var azurite = await AzuriteTable.StartAsync();
        var table = AzuriteFixture.NewTableName();
        using var host = TableHosts.Create(azurite.ConnectionString, table);
        Assert.Equal(ApiCode.Success, (await host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()))).Code);

        await azurite.StopAsync();
        var rootId = Guid.NewGuid().ToString();
        var down = await host.SignOutAsync(TestTokens.Refresh(rootId: rootId));

        Assert.Equal(200, down.Status);
        Assert.Equal(ApiCode.StorageUnavailable, down.Code);
        Assert.Equal("2", down.Headers.RetryAfter.ToString());

        await azurite.RestartAsync();
        var recovered = await host.SignOutAsync(TestTokens.Refresh(rootId: rootId));

        Assert.Equal(ApiCode.Success, recovered.Code);
        Assert.Single(TableHosts.Table(azurite.ConnectionString, table).Query<Azure.Data.Tables.TableEntity>());
    }

    [Fact]
    public async Task Storage_that_never_existed_is_50001()
    {
        var closedPort = AzuriteTable.FreePort();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteTable.AccountKey};TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";
        using var host = TableHosts.Create(connection, AzuriteFixture.NewTableName());

        var response = await host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal("2", response.Headers.RetryAfter.ToString());
    }
}
