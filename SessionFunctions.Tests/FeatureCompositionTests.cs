using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using SessionFunctions.RevocationCleanup;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;
using SessionFunctions.SsoSignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.Tests;

/// <summary>
/// Each feature's registration works with only what it declares it needs (the shared services and the revocation
/// storage), not because another feature registered something first; and the app registers the shared ones once.
/// </summary>
public sealed class FeatureCompositionTests
{
    [Fact]
    public void Sign_out_composes_without_the_clean_up()
    {
        using var services = Compose(s => s.AddSignOut(Configuration));

        Assert.NotNull(ActivatorUtilities.CreateInstance<SignOutFunction>(services));
        Assert.Null(services.GetService<RevocationCleaner>());
    }

    [Fact]
    public void The_clean_up_composes_without_sign_out()
    {
        using var services = Compose(s => s.AddRevocationCleanup(Configuration));

        Assert.NotNull(ActivatorUtilities.CreateInstance<RevocationCleanupFunction>(services));
        Assert.Null(services.GetService<RefreshTokenValidator>());
        Assert.Null(services.GetService<SsoSignOutUrlResolver>());
    }

    [Fact]
    public void Revocation_storage_composes_with_the_shared_services_alone()
    {
        using var services = Compose(_ => { });

        Assert.IsType<TableRevocationStore>(services.GetRequiredService<IRevocationStore>());
        Assert.Equal("RevokedTokenFamilies", services.GetRequiredService<IOptions<RevocationOptions>>().Value.TableName);
        Assert.Null(services.GetService<SignOutRequestReader>());
    }

    [Fact]
    public void The_app_registers_the_shared_services_once()
    {
        var services = new ServiceCollection().AddSessionFunctions(Configuration);

        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(SessionMetrics));
        Assert.Single(services, d => d.ServiceType == typeof(IRevocationStore));
    }

    private static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(SignOutHost.DefaultSettings())
        .Build();

    /// <summary>The shared services, the storage, and one feature: what a feature's registration may rely on.</summary>
    private static ServiceProvider Compose(Action<IServiceCollection> feature)
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Production" })
            .AddLogging()
            .AddSharedServices(Configuration)
            .AddRevocationStorage(Configuration);
        feature(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
