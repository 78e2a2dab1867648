using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SessionFunctions.SsoSignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.SignOut;

/// <summary>Registers sign-out: validated options, the token validator, the revocation table and the SSO resolver.</summary>
public static class SignOutServiceCollectionExtensions
{
    /// <summary>The setting (connection string, or a section with <c>endpoint</c> + <c>credential</c>) for the revocation table's account.</summary>
    public const string StorageSetting = "RevocationStorage";

    public static IServiceCollection AddSignOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSessionTelemetry(configuration);

        services.AddValidatedOptions<RefreshTokenOptions, RefreshTokenOptionsValidator>(configuration, RefreshTokenOptions.Section);
        services.AddValidatedOptions<SignOutOptions, SignOutOptionsValidator>(configuration, SignOutOptions.Section);
        services.AddValidatedOptions<RevocationOptions, RevocationOptionsValidator>(configuration, RevocationOptions.Section);
        services.AddSsoSignOut(configuration);

        services.AddAzureClients(clients =>
        {
            clients.AddTableServiceClient(configuration.GetSection(StorageSetting))
                .ConfigureOptions((tableOptions, provider) =>
                {
                    // The SDK's own retry policy: exponential, bounded, and only for transient failures.
                    var revocation = provider.GetRequiredService<IOptions<RevocationOptions>>().Value;
                    tableOptions.Retry.Mode = Azure.Core.RetryMode.Exponential;
                    tableOptions.Retry.MaxRetries = revocation.MaxRetries;
                    tableOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
                    tableOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
                    tableOptions.Retry.NetworkTimeout = revocation.NetworkTimeout;
                    // The SDK's request and response dumps cost every sign-out two log records (three telemetry
                    // items in Application Insights); a failed write is logged once by the function instead.
                    tableOptions.Diagnostics.IsLoggingEnabled = false;
                });
        });

        services.AddSingleton<SignOutRequestReader>();
        services.AddSingleton<RefreshTokenValidator>();
        services.AddSingleton<RevocationRecordFactory>();
        services.AddSingleton<IRevocationStore, TableRevocationStore>();
        services.AddSingleton<EnvelopeFactory>();
        return services;
    }
}
