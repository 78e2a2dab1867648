using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests;

/// <summary>local.settings.sample.json is what a newcomer runs with: it must start and sign out as documented.</summary>
public sealed class SampleSettingsTests
{
    [Fact]
    public async Task The_sample_settings_start_the_app_and_sign_out_through_its_connector()
    {
        var values = SampleValues();
        using var host = SignOutHost.Create(
            settings =>
            {
                settings.Clear();
                foreach (var (name, value) in LocalSettings.AsConfiguration(values))
                {
                    settings[name] = value;
                }
            },
            store: new InMemoryRevocationStore(),
            environment: values["AZURE_FUNCTIONS_ENVIRONMENT"]);
        var token = TestTokens.Refresh(
            rootId: Guid.NewGuid().ToString(),
            connector: "logto",
            kid: values["RefreshToken__SigningKeys__0__Id"],
            secret: values["RefreshToken__SigningKeys__0__Secret"]);

        var response = await host.SignOutAsync(token);

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.StartsWith(values["Sso__Connectors__logto__EndSessionEndpoint"] + "?client_id=", response.Data.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_names_the_worker_runtime_and_development_storage()
    {
        var values = SampleValues();
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("UseDevelopmentStorage=true", values[RevocationStorageServiceCollectionExtensions.StorageSetting]);
    }

    /// <summary>The sample's values, a copy a test may change.</summary>
    internal static Dictionary<string, string> SampleValues() =>
        new(LocalSettings.Load(RepositoryRoot.Combine("local.settings.sample.json"))!.Values);
}
