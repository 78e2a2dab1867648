using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut.Azurite;

/// <summary>
/// 10,000 seeded hostile bodies through the composed function against Azurite: each is a documented error envelope
/// (HTTP 200, 40001 or 40020) matching the seed schema; none reaches storage.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class HostileInputTests(AzuriteFixture fixture)
{
    public const int Seed = 20261126;
    public const int Count = 10_000;

    [Fact]
    public async Task Ten_thousand_hostile_requests_are_refused_with_documented_envelopes_and_write_nothing()
    {
        var counter = new RequestCounter();
        var table = AzuriteFixture.NewTableName();
        using var host = TableHosts.Create(fixture.Azurite.ConnectionString, table, counter);
        var kinds = new Dictionary<string, int>();

        foreach (var hostile in new HostileCorpus(Seed).Generate(Count))
        {
            var response = await host.DeleteAsync(new MemoryStream(hostile.Body));
            var where = $"seed {Seed}, case {hostile.Index} ({hostile.Kind}): {response.Body}";
            Assert.True(response.Status == 200, where);
            Assert.True(response.Code is ApiCode.ParameterError or ApiCode.CredentialInvalid, where);
            Assert.True(SeedContract.Evaluate(response.Body).IsValid, where);
            kinds[hostile.Kind] = kinds.GetValueOrDefault(hostile.Kind) + 1;
        }

        // Not one storage request: nothing was written, not even the table.
        Assert.Equal(0, counter.Count);
        Assert.Equal(16, kinds.Count);
        Assert.Equal(Count, kinds.Values.Sum());
    }
}
