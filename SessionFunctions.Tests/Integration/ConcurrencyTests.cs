using Azure.Data.Tables;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;
using SessionFunctions.Tests.Support;

namespace SessionFunctions.Tests.Integration;

/// <summary>Many sign-outs at once against Azurite: no revocation lost, none duplicated, none rewritten.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ConcurrencyTests(AzuriteFixture fixture)
{
    public const int Families = 100;
    public const int SignOuts = 1_000;

    [Fact]
    public async Task A_thousand_parallel_sign_outs_over_a_hundred_families_leave_exactly_a_hundred_first_records()
    {
        var table = AzuriteFixture.NewTableName();
        using var host = TableHosts.Create(fixture.Azurite.ConnectionString, table);
        var roots = Enumerable.Range(0, Families).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var tokens = Enumerable.Range(0, SignOuts).Select(i => TestTokens.Refresh(subject: "user" + (i % Families), rootId: roots[i % Families])).ToArray();
        var firstTime = host.Time.GetUtcNow();

        var responses = await Task.WhenAll(tokens.Select(t => Task.Run(() => host.SignOutAsync(t))));

        Assert.All(responses, r => Assert.Equal(ApiCode.Success, r.Code));
        var records = await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table);
        Assert.Equal(Families, records.Count);
        Assert.Equal(roots.Select(TokenFamily.FromRootId).Order(), records.Select(r => r.PartitionKey).Order());
        Assert.All(records, r => Assert.Equal(firstTime, r.GetDateTimeOffset("RevokedAt")));

        // Later sign-outs of the same families succeed and leave every record as it was (same ETag: not rewritten).
        host.Time.Advance(TimeSpan.FromHours(2));
        var again = await Task.WhenAll(roots.Select(root => Task.Run(() => host.SignOutAsync(TestTokens.Refresh(rootId: root)))));
        Assert.All(again, r => Assert.Equal(ApiCode.Success, r.Code));
        var after = (await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table)).ToDictionary(r => r.PartitionKey);
        Assert.All(records, r => Assert.Equal(r.ETag, after[r.PartitionKey].ETag));
    }
}
