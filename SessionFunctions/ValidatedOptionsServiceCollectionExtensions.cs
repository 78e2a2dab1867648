using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SessionFunctions;

/// <summary>The one way the app registers a settings section: bound, validated by its validator, checked at start-up.</summary>
internal static class ValidatedOptionsServiceCollectionExtensions
{
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();

        // The start-up check binds and validates through IOptionsMonitor, but IOptions (what the app's services take)
        // keeps a cache of its own and would bind (by reflection) and validate the section again on the first
        // request. Serve it the instance start-up already checked.
        services.AddSingleton<IOptions<TOptions>>(provider => Options.Create(provider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
        services.AddSingleton<TValidator>();
        services.AddSingleton<IValidateOptions<TOptions>>(provider => new SettingNamedValidator<TOptions>(provider.GetRequiredService<TValidator>(), section));
        return services;
    }
}
