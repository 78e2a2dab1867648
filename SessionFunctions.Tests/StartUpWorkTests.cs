using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SessionFunctions.RevocationCleanup;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;
using SessionFunctions.SsoSignOut;

namespace SessionFunctions.Tests;

/// <summary>
/// Work the first sign-out does not need stays off the start path and off the first request (docs/performance.md,
/// "Start-up to the first sign-out"): settings are bound and validated once, the discovery client exists only for
/// connectors that use discovery, and the fallback Azure credential is made only when a token is asked for.
/// </summary>
public sealed class StartUpWorkTests
{
    [Fact]
    public void Each_settings_section_is_bound_and_validated_once_and_the_services_get_that_instance()
    {
        using var host = SignOutHost.Create(store: new InMemoryRevocationStore());

        AssertOneInstance<RefreshTokenOptions>(host.Services);
        AssertOneInstance<SignOutOptions>(host.Services);
        AssertOneInstance<RevocationOptions>(host.Services);
        AssertOneInstance<SsoOptions>(host.Services);
        AssertOneInstance<RevocationCleanupOptions>(host.Services);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void The_discovery_http_client_is_built_only_when_a_connector_uses_discovery(bool discoveryConnector, int clients)
    {
        var factory = new CountingHttpClientFactory();
        using var host = SignOutHost.Create(
            settings =>
            {
                if (discoveryConnector)
                {
                    settings["Sso:Connectors:idp:Authority"] = "https://idp.example.com/";
                }
            },
            store: new InMemoryRevocationStore(),
            services: s => s.Replace(ServiceDescriptor.Singleton<IHttpClientFactory>(factory)));

        Assert.NotNull(host.Services.GetRequiredService<OidcEndSessionDiscovery>());
        Assert.Equal(clients, factory.Created(OidcEndSessionDiscovery.HttpClientName));
    }

    [Fact]
    public async Task The_deferred_credential_makes_its_credential_on_the_first_token_request_only()
    {
        var made = 0;
        var credential = new DeferredTokenCredential(() =>
        {
            made++;
            return new FixedCredential();
        });
        Assert.Equal(0, made);

        var context = new TokenRequestContext(["https://storage.azure.com/.default"]);
        var first = await credential.GetTokenAsync(context, CancellationToken.None);
        var second = credential.GetToken(context, CancellationToken.None);

        Assert.Equal(1, made);
        Assert.Equal("token", first.Token);
        Assert.Equal("token", second.Token);
    }

    private static void AssertOneInstance<TOptions>(IServiceProvider services)
        where TOptions : class =>
        Assert.Same(services.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue, services.GetRequiredService<IOptions<TOptions>>().Value);

    private sealed class CountingHttpClientFactory : IHttpClientFactory
    {
        private readonly Dictionary<string, int> _created = [];

        public int Created(string name) => _created.GetValueOrDefault(name);

        public HttpClient CreateClient(string name)
        {
            _created[name] = Created(name) + 1;
            return new HttpClient();
        }
    }

    private sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
