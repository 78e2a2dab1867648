using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SessionFunctions.SsoSignOut;

/// <summary>Registers SSO sign-out: validated connector options, discovery over a resilient HttpClient, warm-up.</summary>
public static class SsoServiceCollectionExtensions
{
    public static IServiceCollection AddSsoSignOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SsoOptions, SsoOptionsValidator>(configuration, SsoOptions.Section);

        // Microsoft.Extensions.Http.Resilience: overall timeout, bounded retries with back-off, circuit breaker,
        // per-try timeout. Network timing runs on the system clock, whatever clock the app's own logic uses.
        services.AddHttpClient(OidcEndSessionDiscovery.HttpClientName)
            .AddResilienceHandler("discovery", pipeline =>
            {
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddTimeout(TimeSpan.FromSeconds(20))
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(500), BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { SamplingDuration = TimeSpan.FromSeconds(30) })
                    .AddTimeout(TimeSpan.FromSeconds(5));
            });

        services.AddSingleton<OidcEndSessionDiscovery>();
        services.AddSingleton<SsoSignOutUrlResolver>();
        services.AddHostedService<OidcDiscoveryWarmUp>();
        return services;
    }
}
