using Microsoft.Extensions.Configuration;

namespace SessionFunctions.RevocationCleanup;

/// <summary>Registers the clean-up of expired revocation records. Needs the shared services and the revocation storage.</summary>
public static class RevocationCleanupServiceCollectionExtensions
{
    public static IServiceCollection AddRevocationCleanup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RevocationCleanupOptions, RevocationCleanupOptionsValidator>(configuration, RevocationCleanupOptions.Section);
        services.AddSingleton<RevocationCleaner>();
        return services;
    }
}
