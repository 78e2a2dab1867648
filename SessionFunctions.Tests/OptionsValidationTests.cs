using Microsoft.Extensions.Options;

namespace SessionFunctions.Tests;

/// <summary>Start-up refuses bad configuration with a message that names the setting.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Missing_signing_key_stops_start_up_naming_the_setting()
    {
        var error = StartUpError(s =>
        {
            foreach (var key in s.Keys.Where(k => k.StartsWith("RefreshToken:SigningKeys", StringComparison.Ordinal)).ToList())
            {
                s.Remove(key);
            }
        });
        Assert.Contains("RefreshToken__SigningKeys__0__Secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_secret_is_refused() =>
        Assert.Contains("Secret", StartUpError(s => s["RefreshToken:SigningKeys:0:Secret"] = ""), StringComparison.Ordinal);

    [Fact]
    public void Short_secret_is_refused_without_echoing_it()
    {
        var error = StartUpError(s => s["RefreshToken:SigningKeys:0:Secret"] = "short-secret-value");
        Assert.Contains("shorter than 32 bytes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-value", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The platform hands an unresolvable Key Vault reference to the app as its literal text, which is long enough
    /// to pass as a key: start-up must stop rather than refuse every token with 40020.
    /// </summary>
    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-signout-abc;SecretName=signing-key-key-1)")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-signout-abc.vault.azure.net/secrets/signing-key-key-1/)")]
    public void Unresolved_key_vault_reference_is_refused_with_the_likely_fix_without_echoing_it(string reference)
    {
        var error = StartUpError(s => s["RefreshToken:SigningKeys:0:Secret"] = reference);

        Assert.Contains("RefreshToken__SigningKeys secret", error, StringComparison.Ordinal);
        Assert.Contains("unresolved Key Vault reference", error, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", error, StringComparison.Ordinal);
        Assert.Contains($"signing-key-{TestTokens.KeyOneId}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, error, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-signout-abc", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public void Non_hmac_algorithms_cannot_be_allowed(string algorithm) =>
        Assert.Contains("RefreshToken__Algorithms", StartUpError(s => s["RefreshToken:Algorithms:0"] = algorithm), StringComparison.Ordinal);

    [Fact]
    public void Duplicate_kids_are_refused() =>
        Assert.Contains("unique", StartUpError(s => s["RefreshToken:SigningKeys:1:Id"] = TestTokens.KeyOneId), StringComparison.Ordinal);

    [Fact]
    public void Non_https_connector_is_refused_outside_development()
    {
        Assert.Contains(
            "Sso__Connectors__logto__EndSessionEndpoint must use https",
            StartUpError(s => s["Sso:Connectors:logto:EndSessionEndpoint"] = "http://localhost:3001/oidc/session/end"),
            StringComparison.Ordinal);
        using var development = SignOutHost.Create(s => s["Sso:Connectors:logto:EndSessionEndpoint"] = "http://localhost:3001/oidc/session/end", environment: "Development");
    }

    [Fact]
    public void Relative_redirect_uri_is_refused() =>
        Assert.Contains(
            "Sso__Connectors__logto__PostLogoutRedirectUri must be an absolute URL",
            StartUpError(s => s["Sso:Connectors:logto:PostLogoutRedirectUri"] = "/signed-out"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Empty_optional_connector_settings_count_as_not_set()
    {
        using var host = SignOutHost.Create(
            s => { s["Sso:Connectors:logto:PostLogoutRedirectUri"] = ""; s["Sso:Connectors:logto:ClientId"] = ""; },
            store: new InMemoryRevocationStore());
        var response = await host.SignOutAsync(TestTokens.Refresh(connector: "logto"));
        Assert.Equal("https://kqyhaj.logto.app/oidc/session/end", response.Data.GetString());
    }

    [Fact]
    public void Empty_endpoint_is_refused() =>
        Assert.Contains(
            "Sso__Connectors__logto__EndSessionEndpoint is not set",
            StartUpError(s => s["Sso:Connectors:logto:EndSessionEndpoint"] = ""),
            StringComparison.Ordinal);

    [Fact]
    public void Connector_without_endpoint_is_refused() =>
        Assert.Contains(
            "Sso__Connectors__okta__EndSessionEndpoint is not set",
            StartUpError(s => s["Sso:Connectors:okta:ClientId"] = "abc"),
            StringComparison.Ordinal);

    [Fact]
    public void Unknown_preset_is_refused_naming_the_setting() =>
        Assert.Contains(
            "Sso__Connectors__logto__Preset 'ping' is unknown",
            StartUpError(s => s["Sso:Connectors:logto:Preset"] = "ping"),
            StringComparison.Ordinal);

    [Fact]
    public void Non_https_authority_is_refused_outside_development() =>
        Assert.Contains(
            "Sso__Connectors__kc__Authority must use https",
            StartUpError(s => { s["Sso:Connectors:kc:Preset"] = "keycloak"; s["Sso:Connectors:kc:Authority"] = "http://sso.example.com/realms/main"; }),
            StringComparison.Ordinal);

    [Fact]
    public void Relative_allowed_redirect_is_refused() =>
        Assert.Contains(
            "Sso__Connectors__logto__AllowedPostLogoutRedirectUris__0 must be an absolute URL",
            StartUpError(s => s["Sso:Connectors:logto:AllowedPostLogoutRedirectUris:0"] = "/back"),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("cognito", "ClientId is not set")]
    [InlineData("cognito", "PostLogoutRedirectUri is not set")]
    [InlineData("auth0", "ClientId is not set")]
    [InlineData("auth0", "Authority is not set")]
    public void Presets_require_what_their_provider_needs(string preset, string message) =>
        Assert.Contains(message, StartUpError(s => s[$"Sso:Connectors:x:Preset"] = preset), StringComparison.Ordinal);

    [Fact]
    public void Unknown_default_connector_is_refused() =>
        Assert.Contains("Sso__DefaultConnector", StartUpError(s => s["Sso:DefaultConnector"] = "nope"), StringComparison.Ordinal);

    [Theory]
    [InlineData("Revocation:TableName", "bad-name!")]
    [InlineData("Revocation:StorageTimeout", "00:10:00")]
    [InlineData("SignOut:MaxRequestBodyBytes", "10")]
    [InlineData("RefreshToken:ClockSkew", "01:00:00")]
    public void Out_of_range_settings_are_refused_naming_them(string setting, string value) =>
        Assert.Contains(setting.Split(':')[1], StartUpError(s => s[setting] = value), StringComparison.Ordinal);

    [Theory]
    [InlineData("not a connection string")]
    [InlineData(null)]
    public void A_revocation_storage_setting_no_table_client_can_be_made_from_stops_start_up_naming_it(string? value)
    {
        var error = StartUpError(s =>
        {
            s.Remove("RevocationStorage");
            if (value is not null)
            {
                s["RevocationStorage"] = value;
            }
        });

        Assert.Contains("RevocationStorage cannot make a table client", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value ?? "\u0000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_valid()
    {
        using var host = SignOutHost.Create();
        Assert.Equal(16 * 1024, host.Options<SessionFunctions.SignOut.SignOutOptions>().MaxRequestBodyBytes);
    }

    private static string StartUpError(Action<Dictionary<string, string?>> configure) =>
        Assert.Throws<OptionsValidationException>(() => SignOutHost.Create(configure)).Message;
}
