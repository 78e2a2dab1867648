using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace SessionFunctions.RevocationStorage;

/// <summary>
/// Builds the revocation table's client at start-up. The Azure client factory builds it only when sign-out is first
/// activated, before the function's own error handling runs, so a setting it cannot build a client from would fail
/// every sign-out with a bare HTTP 500 instead of stopping the app with the setting's name.
/// </summary>
internal sealed class RevocationStorageSettingValidator(IServiceProvider services) : IValidateOptions<RevocationStorageSetting>
{
    public ValidateOptionsResult Validate(string? name, RevocationStorageSetting options)
    {
        try
        {
            services.GetRequiredService<TableServiceClient>();
            return ValidateOptionsResult.Success;
        }
        catch (OptionsValidationException)
        {
            // The client's options read Revocation__* settings, whose own validation reports what is wrong with them.
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or System.Reflection.TargetInvocationException)
        {
            // The type only: a parser's message may quote the connection string, and with it the account key.
            return ValidateOptionsResult.Fail(
                $"{RevocationStorageServiceCollectionExtensions.StorageSetting} cannot make a table client ({(exception.InnerException ?? exception).GetType().Name}): set it to a "
                + "connection string, or set RevocationStorage__endpoint (https://<account>.table.core.windows.net) with "
                + "RevocationStorage__credential=managedidentity and RevocationStorage__clientId.");
        }
    }
}
