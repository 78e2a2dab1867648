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
        services.AddSingleton<TValidator>();
        services.AddSingleton<IValidateOptions<TOptions>>(provider => new SettingNamedValidator<TOptions>(provider.GetRequiredService<TValidator>(), section));
        return services;
    }
}
