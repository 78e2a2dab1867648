using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

public sealed class SsoSignOutUrlResolverTests
{
    [Fact]
    public void Endpoint_alone_is_returned_as_is()
    {
        var url = SsoSignOutUrlResolver.Build(new SsoConnectorOptions { EndSessionEndpoint = new Uri("https://kqyhaj.logto.app/oidc/session/end") });
        Assert.Equal("https://kqyhaj.logto.app/oidc/session/end", url);
    }

    [Fact]
    public void Parameters_are_encoded_and_an_existing_query_is_kept()
    {
        var url = SsoSignOutUrlResolver.Build(new SsoConnectorOptions
        {
            EndSessionEndpoint = new Uri("https://login.example.com/logout?p=B2C_1_signin&x=a%20b"),
            ClientId = "id with space&amp",
            PostLogoutRedirectUri = new Uri("https://app.example.com/back?to=/files&lang=zh-CN"),
        });

        Assert.Equal(
            "https://login.example.com/logout?p=B2C_1_signin&x=a%20b&client_id=id%20with%20space%26amp&post_logout_redirect_uri=https%3A%2F%2Fapp.example.com%2Fback%3Fto%3D%2Ffiles%26lang%3Dzh-CN",
            url);
    }

    [Theory]
    [InlineData("LOGTO")]
    [InlineData("logto")]
    public void Connector_ids_are_case_insensitive(string claim)
    {
        var resolver = Resolver(new SsoOptions { Connectors = { ["logto"] = new() { EndSessionEndpoint = new Uri("https://t.logto.app/oidc/session/end") } } });
        Assert.Equal("https://t.logto.app/oidc/session/end", resolver.Resolve(claim));
    }

    [Fact]
    public void No_connector_and_no_default_is_null()
    {
        var resolver = Resolver(new SsoOptions { Connectors = { ["logto"] = new() { EndSessionEndpoint = new Uri("https://t.logto.app/oidc/session/end") } } });
        Assert.Null(resolver.Resolve(null));
        Assert.Null(resolver.Resolve(""));
        Assert.Null(resolver.Resolve("unknown"));
    }

    private static SsoSignOutUrlResolver Resolver(SsoOptions options) =>
        new(Options.Create(options), NullLogger<SsoSignOutUrlResolver>.Instance);
}
