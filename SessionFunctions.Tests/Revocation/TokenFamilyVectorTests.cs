using System.Text.Json;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.Revocation;

/// <summary>The published vectors (docs/token-family-vectors.json) against the library and the function.</summary>
public sealed class TokenFamilyVectorTests
{
    public static TheoryData<string, string, string?, string> Vectors()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "token-family-vectors.json")));
        var data = new TheoryData<string, string, string?, string>();
        foreach (var vector in file.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(
                vector.GetProperty("description").GetString()!,
                vector.GetProperty("token").GetString()!,
                vector.GetProperty("root_token_id").GetString(),
                vector.GetProperty("family_key").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_library_derives_the_published_key(string description, string token, string? rootId, string familyKey)
    {
        Assert.True(TokenFamily.IsWellFormed(familyKey), description);
        Assert.Equal(familyKey, TokenFamily.For(rootId, token));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Sign_out_writes_the_published_key(string description, string token, string? rootId, string familyKey)
    {
        var store = new InMemoryRevocationStore();
        using var host = SignOutHost.Create(store: store);

        var response = await host.SignOutAsync(token);

        Assert.True(response.Code == ApiCode.Success, $"{description}: {response.Body}");
        Assert.Equal(familyKey, Assert.Single(store.Records.Keys));
        Assert.Equal(rootId is null ? "token" : "root", store.Records[familyKey].FamilySource);
    }

    [Fact]
    public void The_vectors_cover_both_kinds_and_a_shared_family()
    {
        var keys = Vectors().Select(row => (string)row[3]).ToList();
        Assert.Contains(keys, k => k.StartsWith(TokenFamily.RootPrefix, StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(TokenFamily.TokenPrefix, StringComparison.Ordinal));
        Assert.True(keys.Count > keys.Distinct().Count(), "two tokens of one family must share a key");
    }
}
