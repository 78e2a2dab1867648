using SessionFunctions.RevocationStorage;

namespace SessionFunctions.Tests.SignOut;

/// <summary>
/// Every kind of answer the function gives, checked against the seed's response schema, which documents only HTTP
/// 200: every outcome, failures included, is a 200 with the code in the body.
/// </summary>
public sealed class ResponseContractTests
{
    [Fact]
    public void The_seed_declares_an_anonymous_delete_with_a_required_refresh_token()
    {
        var operation = SeedContract.SignOut;
        var body = operation.RequestBody!.Content!["application/json"].Schema!;

        Assert.Contains("refresh_token", body.Required!);
        Assert.Equal(Microsoft.OpenApi.JsonSchemaType.String, body.Properties!["refresh_token"].Type);
        Assert.Empty(operation.Security ?? []);
    }

    [Theory]
    [InlineData("{\"data\":\"https://kqyhaj.logto.app/oidc/session/end\",\"code\":0,\"msg\":\"\"}", true)]
    [InlineData("{\"data\":null,\"code\":0,\"msg\":\"\"}", true)]
    [InlineData("{\"code\":0,\"msg\":\"\"}", false)]
    [InlineData("{\"data\":null,\"msg\":\"\"}", false)]
    [InlineData("{\"data\":null,\"code\":\"0\",\"msg\":\"\"}", false)]
    [InlineData("{\"data\":42,\"code\":0,\"msg\":\"\"}", false)]
    [InlineData("{\"data\":null,\"code\":40001,\"msg\":\"x\",\"error\":null,\"correlation_id\":\"not-a-uuid\"}", false)]
    public void The_schema_has_teeth(string body, bool valid) => Assert.Equal(valid, SeedContract.Evaluate(body).IsValid);

    [Fact]
    public async Task Every_answer_matches_the_seed_schema()
    {
        var store = new InMemoryRevocationStore();
        using var host = SignOutHost.Create(store: store);
        using var debug = SignOutHost.Create(s => s["SignOut:IncludeErrorDetail"] = "true", store: new InMemoryRevocationStore { FailWith = new RevocationStoreUnavailableException("down") });
        using var broken = SignOutHost.Create(store: new InMemoryRevocationStore { FailWith = new InvalidOperationException("bug") });
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        var responses = new List<SignOutResponse>
        {
            await host.SignOutAsync(TestTokens.Refresh()),
            await host.SignOutAsync(TestTokens.Refresh(connector: "logto")),
            await host.DeleteAsync("not json"),
            await host.SignOutAsync("a.b.c"),
            await debug.DeleteAsync("{}"),
            await debug.SignOutAsync(TestTokens.Refresh()),
            await broken.SignOutAsync(TestTokens.Refresh()),
            await host.DeleteAsync(new FailingStream(new IOException("reset"))),
            await host.DeleteAsync(new MemoryStream("{}"u8.ToArray()), cancellationToken: stopping.Token),
        };

        Assert.Equal([0, 0, 40001, 40020, 40001, 50001, 50005, 40001, 50001], responses.Select(r => r.Code));
        Assert.All(responses, r => Assert.True(SeedContract.Evaluate(r.Body).IsValid, r.Body));
        Assert.All(responses, r => Assert.True(SeedContract.SignOut.Responses!.ContainsKey(r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"HTTP {r.Status} is not a status the seed documents: {r.Body}"));
    }
}
