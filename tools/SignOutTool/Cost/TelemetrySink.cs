using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SignOutTool.Cost;

/// <summary>
/// A loopback stand-in for the Application Insights ingestion endpoint: it accepts every batch the exporters send
/// (gzip'd newline-delimited envelopes) and counts the items by their <c>baseType</c>, so the exporters run for
/// real and what they would ship can be counted. Live Metrics pings are answered "not subscribed".
/// </summary>
internal sealed class TelemetrySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _items = new(StringComparer.Ordinal);

    private TelemetrySink(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A connection string that sends everything (ingestion and Live Metrics) to this sink.</summary>
    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={Endpoint};LiveEndpoint={Endpoint}";

    public IReadOnlyDictionary<string, long> Items => _items;

    private long _batches;

    public long Batches => Interlocked.Read(ref _batches);

    public static async Task<TelemetrySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new TelemetrySink(app);
        app.MapPost("/QuickPulseService.svc/{**rest}", (HttpContext context) =>
        {
            context.Response.Headers["x-ms-qps-subscribed"] = "false";
            return Results.Ok();
        });
        app.MapPost("/{**rest}", sink.AcceptAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink.Endpoint = new Uri(address + "/");
        return sink;
    }

    public void Reset()
    {
        _items.Clear();
        Interlocked.Exchange(ref _batches, 0);
    }

    private async Task<IResult> AcceptAsync(HttpRequest request)
    {
        Stream body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(request.Body, CompressionMode.Decompress);
        }

        var received = 0;
        using (var reader = new StreamReader(body))
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                received++;
                _items.AddOrUpdate(KindOf(line), 1, (_, n) => n + 1);
            }
        }

        Interlocked.Increment(ref _batches);
        return Results.Json(new { itemsReceived = received, itemsAccepted = received, errors = Array.Empty<object>() });
    }

    private static string KindOf(string envelope)
    {
        try
        {
            using var json = JsonDocument.Parse(envelope);
            return json.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("baseType", out var type)
                ? type.GetString() ?? "unknown"
                : "unknown";
        }
        catch (JsonException)
        {
            return "unparsable";
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
