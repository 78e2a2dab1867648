using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation;

/// <summary>
/// A refresh service's container as the library's README sets it up: <c>AddRevocationChecker</c> with a connection
/// string, the health check, metrics, and a fake clock (never advanced unless a test says so, so the checker's own
/// bound fires only when a test moves time), with every storage request counted.
/// </summary>
public sealed class CheckerServices : IDisposable
{
    public const string HealthCheckName = "revocation-table";

    private readonly ServiceProvider _provider;

    private CheckerServices(ServiceProvider provider, RequestCounter counter, FakeTimeProvider time)
    {
        _provider = provider;
        Requests = counter;
        Time = time;
    }

    public RequestCounter Requests { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _provider;

    public RevocationChecker Checker => _provider.GetRequiredService<RevocationChecker>();

    public HealthCheckService Health => _provider.GetRequiredService<HealthCheckService>();

    /// <summary>
    /// Options a slow machine cannot break: tries that never time out on their own and a bound far above them, so
    /// only a test's fake clock or the fault it injects decides the outcome.
    /// </summary>
    public static void Patient(RevocationCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Timeout = TimeSpan.FromMinutes(2);
        options.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.MaxRetries = 2;
        options.RetryDelay = TimeSpan.FromMilliseconds(10);
    }

    /// <summary>
    /// One try that would wait four minutes, longer than any test waits, inside a five-minute bound: against storage
    /// that never answers, only the check's own bound on the fake clock can end it.
    /// </summary>
    public static void OneEndlessTry(RevocationCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Timeout = TimeSpan.FromMinutes(5);
        options.MaxRetries = 0;
        options.NetworkTimeout = TimeSpan.FromMinutes(4);
    }

    public static CheckerServices Create(string connectionString, string tableName, Action<RevocationCheckOptions>? configure = null)
    {
        var counter = new RequestCounter();
        var time = new FakeTimeProvider(TestTokens.Now);
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddRevocationChecker(
            o =>
            {
                o.TableName = tableName;
                Patient(o);
                configure?.Invoke(o);
            },
            connectionString,
            client => client.AddPolicy(counter, HttpPipelinePosition.PerRetry));
        services.AddHealthChecks().AddCheck<RevocationTableHealthCheck>(HealthCheckName);
        return new CheckerServices(services.BuildServiceProvider(validateScopes: true), counter, time);
    }

    public static string ConnectionTo(Uri endpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteTable.AccountKey};TableEndpoint={endpoint}devstoreaccount1;";

    public void Dispose() => _provider.Dispose();
}
