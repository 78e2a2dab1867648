using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SsoSignOut;

/// <summary>SSO sign-out through the function, against a local identity provider stand-in served over HTTP.</summary>
public sealed class SsoResolutionTests
{
    private static SignOutHost Host(InMemoryRevocationStore store, Action<Dictionary<string, string?>> connectors) =>
        SignOutHost.Create(
            settings =>
            {
                foreach (var key in settings.Keys.Where(k => k.StartsWith("Sso:", StringComparison.Ordinal)).ToList())
                {
                    settings.Remove(key);
                }

                connectors(settings);
            },
            store: store,
            environment: "Development");

    [Theory]
    [InlineData("generic")]
    [InlineData("logto")]
    [InlineData("keycloak")]
    [InlineData("entra")]
    [InlineData("azureadb2c")]
    public async Task Discovery_presets_read_the_end_session_endpoint_once_and_then_make_no_http_call(string preset)
    {
        await using var provider = await OidcProviderStandIn.StartAsync();
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s =>
        {
            s["Sso:Connectors:idp:Preset"] = preset;
            s["Sso:Connectors:idp:Authority"] = provider.Authority.AbsoluteUri;
            s["Sso:Connectors:idp:PostLogoutRedirectUri"] = "https://cloud.example.com/session";
        });

        var responses = new List<SignOutResponse>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString(), connector: "idp")));
        }

        Assert.All(responses, r => Assert.StartsWith(provider.EndSessionEndpoint + "?", r.Data.GetString(), StringComparison.Ordinal));
        Assert.All(responses, r => Assert.Contains("post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fsession", r.Data.GetString(), StringComparison.Ordinal));
        Assert.Equal(5, store.Records.Count);
        Assert.Equal(1, provider.DiscoveryRequests);
    }

    [Fact]
    public async Task The_warm_up_service_reads_discovery_at_start_up_so_the_first_sign_out_makes_no_http_call()
    {
        await using var provider = await OidcProviderStandIn.StartAsync();
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s => s["Sso:Connectors:idp:Authority"] = provider.Authority.AbsoluteUri);
        var hosted = host.Services.GetServices<IHostedService>().ToList();

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        await Eventually.TrueAsync(() => provider.DiscoveryRequests > 0, TimeSpan.FromSeconds(30), "the warm-up service's discovery request");

        var response = await host.SignOutAsync(TestTokens.Refresh(connector: "idp"));
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.StartsWith(provider.EndSessionEndpoint, response.Data.GetString(), StringComparison.Ordinal);
        Assert.Equal(1, provider.DiscoveryRequests);
    }

    [Fact]
    public async Task Metadata_without_an_end_session_endpoint_gives_null_data_by_design()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(DiscoveryBehaviour.NoEndSessionEndpoint);
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s => { s["Sso:Connectors:google:Preset"] = "google"; s["Sso:Connectors:google:Authority"] = provider.Authority.AbsoluteUri; });

        var response = await host.SignOutAsync(TestTokens.Refresh(connector: "google"));

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Single(store.Records);
    }

    [Fact]
    public async Task Failing_discovery_never_blocks_the_revocation_and_logs_a_warning()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(DiscoveryBehaviour.Fail);
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s => s["Sso:Connectors:idp:Authority"] = provider.Authority.AbsoluteUri);

        var response = await host.SignOutAsync(TestTokens.Refresh(connector: "idp"));

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Single(store.Records);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("discovery failed", StringComparison.Ordinal));
        Assert.True(provider.DiscoveryRequests >= 1);
    }

    [Fact]
    public async Task Hanging_discovery_is_cut_at_the_documented_wait_and_the_sign_out_still_succeeds()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(DiscoveryBehaviour.Hang);
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s => { s["Sso:Connectors:idp:Authority"] = provider.Authority.AbsoluteUri; s["Sso:DiscoveryWait"] = "00:00:02"; });

        var pending = host.SignOutAsync(TestTokens.Refresh(connector: "idp"));
        await Eventually.TrueAsync(() => provider.DiscoveryRequests > 0 && !store.Records.IsEmpty, TimeSpan.FromSeconds(30), "the discovery request and the revocation record");
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var response = await Eventually.WithinAsync(pending, TimeSpan.FromSeconds(30), "the sign-out after the discovery wait passed");

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Single(store.Records);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("did not answer within", StringComparison.Ordinal));
        provider.ReleaseHangingRequests();
    }

    [Fact]
    public async Task A_cancelled_wait_for_discovery_answers_success_and_counts_no_missing_url()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(DiscoveryBehaviour.Hang);
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s => s["Sso:Connectors:idp:Authority"] = provider.Authority.AbsoluteUri);
        using var ssoUrls = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SessionFunctions.Telemetry.SessionMetrics.MeterName, SessionFunctions.Telemetry.SessionMetrics.SsoUrls);
        using var invocation = new CancellationTokenSource();
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["refresh_token"] = TestTokens.Refresh(connector: "idp") });

        var pending = host.DeleteAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)), cancellationToken: invocation.Token);
        await Eventually.TrueAsync(() => provider.DiscoveryRequests > 0 && !store.Records.IsEmpty, TimeSpan.FromSeconds(30), "the discovery request and the revocation record");
        await invocation.CancelAsync();
        var response = await Eventually.WithinAsync(pending, TimeSpan.FromSeconds(30), "the sign-out after its invocation was cancelled");

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Single(store.Records);
        // The caller left, or the host is stopping: not a connector whose URL is missing.
        Assert.Empty(ssoUrls.GetMeasurementSnapshot());
        provider.ReleaseHangingRequests();
    }

    [Fact]
    public async Task Template_presets_need_no_discovery()
    {
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s =>
        {
            s["Sso:Connectors:auth0:Preset"] = "auth0";
            s["Sso:Connectors:auth0:Authority"] = "https://tenant.eu.auth0.com/";
            s["Sso:Connectors:auth0:ClientId"] = "abc";
            s["Sso:Connectors:auth0:PostLogoutRedirectUri"] = "https://cloud.example.com/";
            s["Sso:Connectors:cognito:Preset"] = "cognito";
            s["Sso:Connectors:cognito:Authority"] = "https://myapp.auth.eu-west-1.amazoncognito.com";
            s["Sso:Connectors:cognito:ClientId"] = "def";
            s["Sso:Connectors:cognito:PostLogoutRedirectUri"] = "https://cloud.example.com/signed-out";
        });

        var auth0 = await host.SignOutAsync(TestTokens.Refresh(connector: "auth0"));
        var cognito = await host.SignOutAsync(TestTokens.Refresh(connector: "cognito"));

        Assert.Equal("https://tenant.eu.auth0.com/v2/logout?client_id=abc&returnTo=https%3A%2F%2Fcloud.example.com%2F", auth0.Data.GetString());
        Assert.Equal("https://myapp.auth.eu-west-1.amazoncognito.com/logout?client_id=def&logout_uri=https%3A%2F%2Fcloud.example.com%2Fsigned-out", cognito.Data.GetString());
    }

    [Fact]
    public async Task Okta_answers_null_data_because_it_needs_an_id_token_hint()
    {
        var store = new InMemoryRevocationStore();
        using var host = Host(store, s => { s["Sso:Connectors:okta:Preset"] = "okta"; s["Sso:Connectors:okta:Authority"] = "https://example.okta.com/oauth2/default"; });

        var response = await host.SignOutAsync(TestTokens.Refresh(connector: "okta"));

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Single(store.Records);
    }
}
