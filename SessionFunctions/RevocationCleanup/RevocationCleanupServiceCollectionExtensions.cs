using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SessionFunctions.RevocationCleanup;

/// <summary>Registers the clean-up of expired revocation records.</summary>
public static class RevocationCleanupServiceCollectionExtensions
{
    public static IServiceCollection AddRevocationCleanup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RevocationCleanupOptions>().Bind(configuration.GetSection(RevocationCleanupOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RevocationCleanupOptions>, RevocationCleanupOptionsValidator>();
        services.AddSingleton<RevocationCleaner>();
        return services;
    }
}
