using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SsoSignOut;

/// <summary>The optional post_logout_redirect_uri, state and ui_locales a client may send with the token.</summary>
public sealed class SsoRequestParameterTests : IDisposable
{
    private readonly InMemoryRevocationStore _store = new();
    private readonly SignOutHost _host;

    public SsoRequestParameterTests() => _host = SignOutHost.Create(
        s =>
        {
            s["Sso:Connectors:logto:AllowedPostLogoutRedirectUris:0"] = "https://m.example.com/signed-out";
            s["Sso:Connectors:keycloak:Preset"] = "keycloak";
            s["Sso:Connectors:keycloak:EndSessionEndpoint"] = "https://sso.example.com/realms/main/protocol/openid-connect/logout";
            s["Sso:Connectors:keycloak:ClientId"] = "web";
        },
        store: _store);

    public void Dispose() => _host.Dispose();

    private Task<SignOutResponse> SignOut(string connector, Dictionary<string, object?> extra)
    {
        extra["refresh_token"] = TestTokens.Refresh(rootId: Guid.NewGuid().ToString(), connector: connector);
        return _host.DeleteJsonAsync(extra);
    }

    [Fact]
    public async Task An_allowed_redirect_state_and_locales_are_passed_to_the_provider()
    {
        var response = await SignOut("keycloak", new() { ["state"] = "st-1", ["ui_locales"] = "de-CH en" });
        Assert.Equal("https://sso.example.com/realms/main/protocol/openid-connect/logout?client_id=web&state=st-1&ui_locales=de-CH%20en", response.Data.GetString());

        var logto = await SignOut("logto", new() { ["post_logout_redirect_uri"] = "https://m.example.com/signed-out", ["state"] = "x" });
        Assert.Equal(
            "https://kqyhaj.logto.app/oidc/session/end?client_id=web-client&post_logout_redirect_uri=https%3A%2F%2Fm.example.com%2Fsigned-out&state=x",
            logto.Data.GetString());
    }

    [Theory]
    [InlineData(" https://m.example.com/signed-out")]
    [InlineData("https://m.example.com/signed-out\t")]
    [InlineData("HTTPS://M.Example.COM:443/signed-out")]
    public async Task The_redirect_sent_on_is_the_configured_one_the_request_matched_not_the_clients_text(string asked)
    {
        var response = await SignOut("logto", new() { ["post_logout_redirect_uri"] = asked });

        Assert.Equal(
            "https://kqyhaj.logto.app/oidc/session/end?client_id=web-client&post_logout_redirect_uri=https%3A%2F%2Fm.example.com%2Fsigned-out",
            response.Data.GetString());
    }

    [Fact]
    public async Task A_redirect_outside_the_allow_list_is_refused_and_nothing_is_written()
    {
        var response = await SignOut("logto", new() { ["post_logout_redirect_uri"] = "https://evil.example.net/phish" });

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Contains("post_logout_redirect_uri is not allowed", response.Msg, StringComparison.Ordinal);
        Assert.Equal(0, _store.Writes);
    }

    [Theory]
    [InlineData("post_logout_redirect_uri", "/relative")]
    [InlineData("state", "bad\u0000state")]
    [InlineData("ui_locales", "en;drop")]
    [InlineData("ui_locales", "<script>")]
    public async Task Malformed_sso_parameters_are_40001_and_write_nothing(string name, string value)
    {
        var response = await SignOut("logto", new() { [name] = value });

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Equal(0, _store.Writes);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("ui_locales")]
    [InlineData("post_logout_redirect_uri")]
    public async Task Sso_parameters_that_are_not_strings_are_40001(string name)
    {
        var response = await SignOut("logto", new() { [name] = 42 });

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Equal($"{name} must be a string.", response.Msg);
    }

    [Fact]
    public async Task Without_a_connector_a_redirect_is_ignored()
    {
        var response = await SignOut("", new() { ["post_logout_redirect_uri"] = "https://anything.example.org/" });
        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
    }
}
