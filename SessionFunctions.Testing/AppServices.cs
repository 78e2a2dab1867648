using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace SessionFunctions.Testing;

/// <summary>
/// The app's services as <see cref="SessionFunctionsServiceCollectionExtensions.AddSessionFunctions"/> registers
/// them, without the worker's builder and its telemetry, checked the way the host checks them before it serves a
/// request. The tests' host and the benchmarks compose through here.
/// </summary>
public static class AppServices
{
    /// <param name="settings">Configuration keys (<c>Section:Name</c>) and values.</param>
    /// <param name="environment">The host environment's name (SSO rules differ in Development).</param>
    /// <param name="before">Registrations the app's own must not replace (a clock, logging).</param>
    /// <param name="after">Replacements of the app's registrations (a store, a transport).</param>
    public static ServiceProvider Build(
        IEnumerable<KeyValuePair<string, string?>> settings,
        string environment = "Production",
        Action<IServiceCollection>? before = null,
        Action<IServiceCollection>? after = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment, ApplicationName = "SessionFunctions" });
        before?.Invoke(services);
        services.AddSessionFunctions(configuration);
        after?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // What the host does before it serves a request: fail start-up on invalid options.
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
