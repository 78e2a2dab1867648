using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace SessionFunctions.Tests.Infra;

/// <summary>The identity-based settings infra/ writes are ones the app can build its storage client from.</summary>
public sealed class AzureSettingsShapeTests
{
    [Fact]
    public void Endpoint_credential_and_client_id_settings_build_a_table_client_for_that_account()
    {
        using var host = SignOutHost.Create(settings =>
        {
            settings.Remove("RevocationStorage");
            settings["RevocationStorage:endpoint"] = "https://stsignoutabc.table.core.windows.net/";
            settings["RevocationStorage:credential"] = "managedidentity";
            settings["RevocationStorage:clientId"] = "00000000-0000-0000-0000-000000000001";
        });

        var client = host.Services.GetRequiredService<TableServiceClient>();

        Assert.Equal("stsignoutabc", client.AccountName);
        Assert.Equal(new Uri("https://stsignoutabc.table.core.windows.net/"), client.Uri);
    }
}
