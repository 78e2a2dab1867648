using Azure.Data.Tables;
using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>
/// The Go rule of docs/token-family.md, compiled and run against Azurite: the same key as the library, and the same
/// three outcomes: revoked, not revoked only on 404 ResourceNotFound, an error (exit 2) for anything else.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class GoRevocationCheckTests(AzuriteFixture fixture, GoRevocationCheck go) : IClassFixture<GoRevocationCheck>
{
    private readonly string _table = AzuriteFixture.NewTableName();

    private string Endpoint => $"http://127.0.0.1:{fixture.Azurite.Port}/devstoreaccount1";

    [Theory]
    [MemberData(nameof(TokenFamilyVectorTests.Vectors), MemberType = typeof(TokenFamilyVectorTests))]
    public async Task Go_derives_the_published_key(string description, string token, string? rootId, string familyKey)
    {
        var result = await go.CheckAsync(Endpoint, _table, rootId, token, keyOnly: true);

        Assert.True(result.ExitCode == 0, $"{description}: {result.Error}");
        Assert.Equal(familyKey, result.Output);
    }

    [Fact]
    public async Task A_family_with_a_record_is_revoked()
    {
        var rootId = Guid.NewGuid().ToString();
        await WriteRecordAsync(TokenFamily.FromRootId(rootId));

        var result = await go.CheckAsync(Endpoint, _table, rootId, "a.b.c");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("revoked", result.Output);
    }

    [Fact]
    public async Task A_family_without_a_record_in_an_existing_table_is_not_revoked()
    {
        await WriteRecordAsync(TokenFamily.FromRootId(Guid.NewGuid().ToString()));
        var rootless = TestTokens.Refresh();

        var result = await go.CheckAsync(Endpoint, _table, null, rootless);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("not_revoked", result.Output);
    }

    [Fact]
    public async Task A_missing_table_is_an_error_not_an_answer()
    {
        var result = await go.CheckAsync(Endpoint, _table, Guid.NewGuid().ToString(), "a.b.c");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("404 TableNotFound", result.Error, StringComparison.Ordinal);
        Assert.Contains(_table, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_signature_is_an_error_not_an_answer()
    {
        await WriteRecordAsync(TokenFamily.FromRootId(Guid.NewGuid().ToString()));
        var wrongKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

        var result = await go.CheckAsync(Endpoint, _table, null, "a.b.c", accountKey: wrongKey);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("HTTP 403", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_that_is_down_is_an_error_not_an_answer()
    {
        var result = await go.CheckAsync($"http://127.0.0.1:{AzuriteTable.FreePort()}/devstoreaccount1", _table, null, "a.b.c");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no answer", result.Error, StringComparison.Ordinal);
    }

    private async Task WriteRecordAsync(string familyKey)
    {
        var table = new TableClient(fixture.Azurite.ConnectionString, _table);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new RevocationRecord { PartitionKey = familyKey });
    }
}
