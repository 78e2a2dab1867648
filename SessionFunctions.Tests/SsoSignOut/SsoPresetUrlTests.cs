using Microsoft.Extensions.DependencyInjection;
using SessionFunctions.SsoSignOut;

namespace SessionFunctions.Tests.SsoSignOut;

/// <summary>One test per preset: the exact URL, its encoding, and any query the endpoint already has.</summary>
public sealed class SsoPresetUrlTests
{
    private static readonly SsoRequest NoParameters = new(null, null, null);

    private static readonly SsoRequest Everything = new("https://cloud.example.com/back?to=/files&x=1", "s 1/é", "zh-CN en");

    /// <summary>The client's redirect, when the request has one, is among the connector's allowed ones, as Check requires.</summary>
    private static string Build(string preset, string endpoint, SsoRequest request, string? clientId = "app id", string? redirect = "https://cloud.example.com/session") =>
        SsoSignOutUrlResolver.Build(
            new SsoConnectorOptions
            {
                Preset = preset,
                ClientId = clientId,
                PostLogoutRedirectUri = redirect is null ? null : new Uri(redirect),
                AllowedPostLogoutRedirectUris = request.PostLogoutRedirectUri is { } asked ? [new Uri(asked)] : [],
            },
            endpoint,
            request);

    [Fact]
    public void A_redirect_the_connector_does_not_allow_is_never_sent_even_past_the_check() =>
        Assert.Equal(
            "https://idp.example.com/logout?post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fsession",
            SsoSignOutUrlResolver.Build(
                new SsoConnectorOptions { PostLogoutRedirectUri = new Uri("https://cloud.example.com/session") },
                "https://idp.example.com/logout",
                new SsoRequest("https://evil.example.net/phish", null, null)));

    [Fact]
    public void Generic_oidc_sends_every_rp_initiated_logout_parameter_and_keeps_the_existing_query() =>
        Assert.Equal(
            "https://idp.example.com/logout?tenant=a%20b&client_id=app%20id&post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fback%3Fto%3D%2Ffiles%26x%3D1&state=s%201%2F%C3%A9&ui_locales=zh-CN%20en",
            Build("generic", "https://idp.example.com/logout?tenant=a%20b", Everything));

    [Fact]
    public void Logto_takes_client_id_and_post_logout_redirect_uri() =>
        Assert.Equal(
            "https://kqyhaj.logto.app/oidc/session/end?client_id=app%20id&post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fsession",
            Build("logto", "https://kqyhaj.logto.app/oidc/session/end", NoParameters));

    [Fact]
    public void Entra_takes_only_post_logout_redirect_uri() =>
        Assert.Equal(
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fback%3Fto%3D%2Ffiles%26x%3D1",
            Build("entra", "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/logout", Everything));

    [Fact]
    public void Azure_ad_b2c_keeps_the_policy_in_the_path_and_passes_state() =>
        Assert.Equal(
            "https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fsession&state=abc",
            Build("azureadb2c", "https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/logout", new SsoRequest(null, "abc", "fr")));

    [Fact]
    public void Auth0_uses_client_id_and_return_to() =>
        Assert.Equal(
            "https://tenant.eu.auth0.com/v2/logout?client_id=app%20id&returnTo=https%3A%2F%2Fcloud.example.com%2Fsession",
            Build("auth0", "https://tenant.eu.auth0.com/v2/logout", new SsoRequest(null, "ignored", "fr")));

    [Fact]
    public void Keycloak_takes_client_id_redirect_state_and_locales() =>
        Assert.Equal(
            "https://sso.example.com/realms/main/protocol/openid-connect/logout?client_id=web&post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fsession&state=xyz&ui_locales=de",
            Build("keycloak", "https://sso.example.com/realms/main/protocol/openid-connect/logout", new SsoRequest(null, "xyz", "de"), clientId: "web"));

    [Fact]
    public void Cognito_uses_client_id_and_logout_uri() =>
        Assert.Equal(
            "https://myapp.auth.eu-west-1.amazoncognito.com/logout?client_id=app%20id&logout_uri=https%3A%2F%2Fcloud.example.com%2Fsession",
            Build("cognito", "https://myapp.auth.eu-west-1.amazoncognito.com/logout", NoParameters));

    [Fact]
    public async Task Okta_and_google_are_presets_that_give_no_url_by_design()
    {
        using var host = SignOutHost.Create(s =>
        {
            // Okta with every setting a URL would need (its logout wants an id_token_hint, which sign-out never has),
            // and the same settings under a preset that ends sessions without one, to show they would give a URL.
            foreach (var (connector, preset) in new[] { ("okta", "okta"), ("same", "generic") })
            {
                s[$"Sso:Connectors:{connector}:Preset"] = preset;
                s[$"Sso:Connectors:{connector}:EndSessionEndpoint"] = "https://acme.okta.com/oauth2/v1/logout";
                s[$"Sso:Connectors:{connector}:ClientId"] = "web";
                s[$"Sso:Connectors:{connector}:PostLogoutRedirectUri"] = "https://cloud.example.com/session";
            }

            // Google publishes no end-session endpoint: nothing to configure.
            s["Sso:Connectors:google:Preset"] = "google";
        });
        var resolver = host.Services.GetRequiredService<SsoSignOutUrlResolver>();

        Assert.Null(await resolver.ResolveAsync("okta", NoParameters, CancellationToken.None));
        Assert.Null(await resolver.ResolveAsync("google", NoParameters, CancellationToken.None));
        Assert.NotNull(await resolver.ResolveAsync("same", NoParameters, CancellationToken.None));
    }

    [Fact]
    public void Without_client_id_or_redirect_the_endpoint_is_returned_as_is() =>
        Assert.Equal("https://idp.example.com/logout", Build("generic", "https://idp.example.com/logout", NoParameters, clientId: null, redirect: null));
}
