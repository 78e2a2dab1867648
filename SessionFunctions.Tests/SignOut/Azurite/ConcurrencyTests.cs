using SessionFunctions.Revocation;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut.Azurite;

/// <summary>
/// Many sign-outs at once against Azurite: no revocation lost, none duplicated, none rewritten. Independent of this
/// machine's speed: the host runs on a fake clock (its storage and queue timeouts never fire), the write queue
/// holds every request, and the SDK's per-try timeout is a minute, so a slow machine makes the test slower, not red.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class ConcurrencyTests(AzuriteFixture fixture)
{
    public const int Families = 100;
    public const int SignOuts = 1_000;

    [Fact]
    public async Task A_thousand_parallel_sign_outs_over_a_hundred_families_leave_exactly_a_hundred_first_records()
    {
        var table = AzuriteFixture.NewTableName();
        using var host = TableHosts.Create(fixture.Azurite.ConnectionString, table, configure: s =>
        {
            s["Revocation:MaxQueuedWrites"] = SignOuts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Tries long enough for a busy machine; the longest that start-up accepts inside the 1-minute StorageTimeout.
            s["Revocation:NetworkTimeout"] = "00:00:19";
            s["Revocation:StorageTimeout"] = "00:01:00";
        });
        var roots = Enumerable.Range(0, Families).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var tokens = Enumerable.Range(0, SignOuts).Select(i => TestTokens.Refresh(subject: "user" + (i % Families), rootId: roots[i % Families])).ToArray();
        var firstTime = host.Time.GetUtcNow();

        var responses = await Task.WhenAll(tokens.Select(t => Task.Run(() => host.SignOutAsync(t))));

        Assert.True(responses.All(r => r.Code == ApiCode.Success), OfferedLoad.Summary(responses));
        var records = await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table);
        Assert.Equal(Families, records.Count);
        Assert.Equal(roots.Select(TokenFamily.FromRootId).Order(), records.Select(r => r.PartitionKey).Order());
        Assert.All(records, r => Assert.Equal(firstTime, r.GetDateTimeOffset("RevokedAt")));

        // Later sign-outs of the same families succeed and leave every record as it was (same ETag: not rewritten).
        host.Time.Advance(TimeSpan.FromHours(2));
        var again = await Task.WhenAll(roots.Select(root => Task.Run(() => host.SignOutAsync(TestTokens.Refresh(rootId: root)))));
        Assert.True(again.All(r => r.Code == ApiCode.Success), OfferedLoad.Summary(again));
        var after = (await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table)).ToDictionary(r => r.PartitionKey);
        Assert.All(records, r => Assert.Equal(r.ETag, after[r.PartitionKey].ETag));
    }
}
