using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SessionFunctions;
using SessionFunctions.Revocation;
using SessionFunctions.Testing;

namespace SignOutTool.Cost;

/// <summary>
/// A floor of <c>cost</c>: the same table insert as a sign-out's, with what <see cref="FloorKind"/> puts around it.
/// It runs as a child process that <c>cost</c> drives batch by batch (a line <c>REQUESTS CONCURRENCY</c> in, a
/// <see cref="BatchCost"/> as one JSON line out), because the product's telemetry listens to every HttpClient in its
/// process and would otherwise charge the floor too. A floor with telemetry exports to a sink of its own.
/// </summary>
internal static class FloorCommand
{
    public const string Name = "cost-floor";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        if (arguments.Value("--storage") is not { } storage || arguments.Value("--table") is not { } tableName
            || !Enum.TryParse<FloorKind>(arguments.Value("--kind") ?? nameof(FloorKind.Bare), ignoreCase: true, out var kind))
        {
            Console.Error.WriteLine($"{Name} needs --storage CONNECTION, --table NAME and --kind bare|telemetry|function (it is started by cost).");
            return 2;
        }

        var table = new TableClient(storage, tableName);
        await using var sink = kind == FloorKind.Bare ? null : await TelemetrySink.StartAsync().ConfigureAwait(false);
        using var host = sink is null ? null : kind == FloorKind.Telemetry ? TelemetryHost(sink) : FunctionHost(sink, table);
        var telemetry = host?.Services.GetRequiredService<TelemetryClient>();
        Func<Task>? flush = telemetry is null ? null : () => telemetry.FlushAsync(CancellationToken.None);
        Func<string, CancellationToken, Task<(int, int)>> send = kind == FloorKind.Function
            ? (family, ct) => CallFunctionAsync(host!.Services, family, ct)
            : (family, ct) => InsertAsync(table, family, ct);

        try
        {
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            if (flush is not null)
            {
                // The table's creation is a dependency too; it must not land in the first batch.
                await flush().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or AggregateException)
        {
            Console.Error.WriteLine($"the floor could not create its table ({exception.GetType().Name}).");
            return 3;
        }

        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var families = Enumerable.Range(0, int.Parse(parts[0], CultureInfo.InvariantCulture))
                .Select(_ => TokenFamily.FromRootId(Guid.NewGuid().ToString()))
                .ToArray();
            sink?.Reset();
            var cost = await BatchCost.MeasureAsync(families, int.Parse(parts[1], CultureInfo.InvariantCulture), send, flush).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(sink is null ? cost : cost with { TelemetryItems = new Dictionary<string, long>(sink.Items) }));
        }

        return 0;
    }

    /// <summary>
    /// The worker's Application Insights SDK as the product registers it, and nothing else: it tracks every storage
    /// request as a dependency. Adaptive sampling is off so that every insert's dependency is built and sent, as the
    /// requirement "one dependency per sign-out" means; sampled, this floor would vary with its own speed.
    /// Standard output is the batch channel, so no console logging.
    /// </summary>
    private static IHost TelemetryHost(TelemetrySink sink)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddApplicationInsightsTelemetryWorkerService(options =>
        {
            options.ConnectionString = sink.ConnectionString;
            options.EnableAdaptiveSampling = false;
        });
        return builder.Build();
    }

    /// <summary>
    /// The worker exactly as the app configures it (<see cref="SessionFunctionsApp.CreateWorkerBuilder"/>), holding
    /// only <see cref="InsertFunction"/> and its table client. Console logging is filtered out: standard output is
    /// the batch channel.
    /// </summary>
    private static IHost FunctionHost(TelemetrySink sink, TableClient table)
    {
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING", sink.ConnectionString);
        var builder = SessionFunctionsApp.CreateWorkerBuilder([]);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(_ => false);
        builder.Services.AddSingleton(table);
        return builder.Build();
    }

    private static async Task<(int, int)> CallFunctionAsync(IServiceProvider services, string family, CancellationToken cancellationToken)
    {
        var answer = await FunctionInvocation.InvokeAsync<InsertFunction>(
            services,
            request => request.Headers[InsertFunction.FamilyHeader] = family,
            static (function, request, ct) => function.RunAsync(request, ct),
            cancellationToken).ConfigureAwait(false);
        return (answer.Status, 0);
    }

    private static async Task<(int, int)> InsertAsync(TableClient table, string family, CancellationToken cancellationToken)
    {
        using var response = await table.AddEntityAsync(FloorRecord.For(family), cancellationToken).ConfigureAwait(false);
        return (response.Status == 204 ? 200 : response.Status, 0);
    }
}
