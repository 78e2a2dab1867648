using Microsoft.Extensions.Configuration;

namespace SessionFunctions;

/// <summary>Everything the app registers; Program.cs and the tests compose the app through this one call.</summary>
public static class SessionFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddSessionFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSignOut(configuration).AddRevocationCleanup(configuration);
}
