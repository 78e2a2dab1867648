using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionFunctions.Revocation;

namespace SignOutTool.Cost;

/// <summary>
/// The floor of <c>cost</c>: a bare <see cref="TableClient.AddEntityAsync{T}"/> of an entity shaped like a
/// revocation record, default client options. It runs as a child process that <c>cost</c> drives batch by batch
/// (a line <c>REQUESTS CONCURRENCY</c> in, a <see cref="BatchCost"/> as one JSON line out), because the product's
/// telemetry listens to every HttpClient in its process and would otherwise charge the floor too.
/// With <c>--telemetry</c> the same inserts run beside the worker's Application Insights SDK, exporting to a sink of
/// this process's own: the floor of a sign-out that must report its dependency, whatever the app around it does.
/// </summary>
internal static class FloorCommand
{
    public const string Name = "cost-floor";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        if (arguments.Value("--storage") is not { } storage || arguments.Value("--table") is not { } tableName)
        {
            Console.Error.WriteLine($"{Name} needs --storage CONNECTION and --table NAME (it is started by cost).");
            return 2;
        }

        await using var sink = arguments.Flag("--telemetry") ? await TelemetrySink.StartAsync().ConfigureAwait(false) : null;
        using var telemetryHost = sink is null ? null : await StartTelemetryAsync(sink).ConfigureAwait(false);
        var telemetry = telemetryHost?.Services.GetRequiredService<TelemetryClient>();
        Func<Task>? flush = telemetry is null ? null : () => telemetry.FlushAsync(CancellationToken.None);

        var table = new TableClient(storage, tableName);
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
            var cost = await BatchCost.MeasureAsync(families, int.Parse(parts[1], CultureInfo.InvariantCulture), (family, ct) => InsertAsync(table, family, ct), flush).ConfigureAwait(false);
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
    private static async Task<IHost> StartTelemetryAsync(TelemetrySink sink)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddApplicationInsightsTelemetryWorkerService(options =>
        {
            options.ConnectionString = sink.ConnectionString;
            options.EnableAdaptiveSampling = false;
        });
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return host;
    }

    private static async Task<(int, int)> InsertAsync(TableClient table, string family, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        using var response = await table.AddEntityAsync(
            new RevocationRecord
            {
                PartitionKey = family,
                Subject = "floor",
                RevokedAt = now,
                Reason = "sign-out",
                FamilySource = "root",
                TokenExpiresAt = now.AddDays(30),
                RetainUntil = now.AddDays(30),
                CorrelationId = Guid.NewGuid().ToString("D"),
            },
            cancellationToken).ConfigureAwait(false);
        return (response.Status == 204 ? 200 : response.Status, 0);
    }
}
