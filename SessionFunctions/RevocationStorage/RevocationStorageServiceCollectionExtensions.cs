using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SessionFunctions.RevocationStorage;

/// <summary>
/// Registers the revocation table: its validated options, the account's <see cref="Azure.Data.Tables.TableServiceClient"/>
/// and the <see cref="IRevocationStore"/> sign-out writes through. Sign-out and the clean-up both build on it.
/// Needs the shared services (<see cref="SessionFunctionsServiceCollectionExtensions.AddSharedServices"/>).
/// </summary>
public static class RevocationStorageServiceCollectionExtensions
{
    /// <summary>The setting (connection string, or a section with <c>endpoint</c> + <c>credential</c>) for the revocation table's account.</summary>
    public const string StorageSetting = "RevocationStorage";

    public static IServiceCollection AddRevocationStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RevocationOptions, RevocationOptionsValidator>(configuration, RevocationOptions.Section);
        services.AddAzureClients(clients =>
        {
            // The fallback when the setting names no credential (an endpoint alone), made only if a token is needed:
            // with a connection string or a configured managed identity it is never used.
            clients.UseCredential(_ => new DeferredTokenCredential(() => new DefaultAzureCredential()));
            clients.AddTableServiceClient(configuration.GetSection(StorageSetting))
                .ConfigureOptions((tableOptions, provider) =>
                {
                    // The SDK's own retry policy: exponential, bounded, and only for transient failures.
                    var revocation = provider.GetRequiredService<IOptions<RevocationOptions>>().Value;
                    StorageRetryPolicy.Apply(tableOptions.Retry, revocation);
                    // The SDK's request and response dumps cost every sign-out two log records (three telemetry
                    // items in Application Insights); a failed write is logged once by the function instead.
                    tableOptions.Diagnostics.IsLoggingEnabled = false;
                });
        });
        services.AddOptions<RevocationStorageSetting>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RevocationStorageSetting>, RevocationStorageSettingValidator>();
        services.AddSingleton<IRevocationStore, TableRevocationStore>();
        return services;
    }
}
