using Microsoft.Extensions.Configuration;

namespace SessionFunctions;

/// <summary>Every service the app registers; <see cref="SessionFunctionsApp"/> adds it to the worker's builder, and tests that need no worker compose with it alone.</summary>
public static class SessionFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddSessionFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSignOut(configuration).AddRevocationCleanup(configuration);
}
