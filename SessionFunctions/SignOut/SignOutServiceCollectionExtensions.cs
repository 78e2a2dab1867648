using Microsoft.Extensions.Configuration;
using SessionFunctions.SsoSignOut;

namespace SessionFunctions.SignOut;

/// <summary>
/// Registers sign-out: its validated options, the request reader, the token validator, the record factory, the
/// envelopes and SSO sign-out. Needs the shared services and the revocation storage
/// (<see cref="SessionFunctionsServiceCollectionExtensions.AddSessionFunctions"/> adds all three).
/// </summary>
public static class SignOutServiceCollectionExtensions
{
    public static IServiceCollection AddSignOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RefreshTokenOptions, RefreshTokenOptionsValidator>(configuration, RefreshTokenOptions.Section);
        services.AddValidatedOptions<SignOutOptions, SignOutOptionsValidator>(configuration, SignOutOptions.Section);
        services.AddSsoSignOut(configuration);
        services.AddSingleton<SignOutRequestReader>();
        services.AddSingleton<RefreshTokenValidator>();
        services.AddSingleton<RevocationRecordFactory>();
        services.AddSingleton<EnvelopeFactory>();
        return services;
    }
}
