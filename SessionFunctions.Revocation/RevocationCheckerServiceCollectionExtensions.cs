using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SessionFunctions.Revocation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a <see cref="RevocationChecker"/> for a refresh service: its options bound and validated at start-up,
/// a <see cref="TableClient"/> whose retries fit the check's bound, <see cref="RevocationCheckMetrics"/> and
/// <see cref="RevocationTableHealthCheck"/>. Needs <c>IMeterFactory</c>, which the .NET host registers.
/// </summary>
public static class RevocationCheckerServiceCollectionExtensions
{
    /// <summary>Options from <paramref name="section"/>; the account from <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddRevocationChecker(this IServiceCollection services, IConfiguration section, string connectionString, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return services.AddRevocationChecker(o => o.Bind(section), options => RevocationTableClient.Create(connectionString, options, configureClient));
    }

    /// <summary>Options from <paramref name="section"/>; the account's table endpoint, read with <paramref name="credential"/>.</summary>
    public static IServiceCollection AddRevocationChecker(this IServiceCollection services, IConfiguration section, Uri endpoint, TokenCredential credential, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return services.AddRevocationChecker(o => o.Bind(section), options => RevocationTableClient.Create(endpoint, credential, options, configureClient));
    }

    /// <summary>Options set by <paramref name="configure"/>; the account from <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddRevocationChecker(this IServiceCollection services, Action<RevocationCheckOptions> configure, string connectionString, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return services.AddRevocationChecker(o => o.Configure(configure), options => RevocationTableClient.Create(connectionString, options, configureClient));
    }

    /// <summary>Options set by <paramref name="configure"/>; the account's table endpoint, read with <paramref name="credential"/>.</summary>
    public static IServiceCollection AddRevocationChecker(this IServiceCollection services, Action<RevocationCheckOptions> configure, Uri endpoint, TokenCredential credential, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return services.AddRevocationChecker(o => o.Configure(configure), options => RevocationTableClient.Create(endpoint, credential, options, configureClient));
    }

    private static IServiceCollection AddRevocationChecker(this IServiceCollection services, Action<OptionsBuilder<RevocationCheckOptions>> bind, Func<RevocationCheckOptions, TableClient> createClient)
    {
        ArgumentNullException.ThrowIfNull(services);
        bind(services.AddOptions<RevocationCheckOptions>());
        services.AddOptions<RevocationCheckOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RevocationCheckOptions>, RevocationCheckOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RevocationCheckMetrics>();
        services.TryAddSingleton(provider => new RevocationChecker(
            createClient(provider.GetRequiredService<IOptions<RevocationCheckOptions>>().Value),
            provider.GetRequiredService<IOptions<RevocationCheckOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<RevocationCheckMetrics>()));
        services.TryAddSingleton<RevocationTableHealthCheck>();
        return services;
    }
}
