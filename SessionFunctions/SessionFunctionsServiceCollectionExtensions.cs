using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SessionFunctions.Telemetry;

namespace SessionFunctions;

/// <summary>
/// Every service the app registers, each once: the shared services, the revocation storage both features write and
/// read, then the features. <see cref="SessionFunctionsApp"/> adds it to the worker's builder; tests that need no
/// worker compose with it, or with the shared services, the storage and one feature.
/// </summary>
public static class SessionFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddSessionFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSharedServices(configuration)
            .AddRevocationStorage(configuration)
            .AddSignOut(configuration)
            .AddRevocationCleanup(configuration);

    /// <summary>What every feature uses: the clock (a test may register its own first) and the app's metrics.</summary>
    public static IServiceCollection AddSharedServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSessionTelemetry(configuration);
        return services;
    }
}
