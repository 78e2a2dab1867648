using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SignOutTool.Cost;

/// <summary>
/// A loopback stand-in for the Application Insights ingestion and Live Metrics endpoints: it accepts every batch
/// (gzip'd newline-delimited envelopes), so the exporter runs for real, and counts the items by <c>baseType</c>.
/// </summary>
internal sealed partial class TelemetrySink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _items = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string ConnectionString { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, long> Items => _items;

    public static async Task<TelemetrySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sink = new TelemetrySink { _app = builder.Build() };
        sink._app.MapPost("/{**rest}", sink.AcceptAsync);
        await sink._app.StartAsync().ConfigureAwait(false);
        var endpoint = sink._app.Urls.First() + "/";
        sink.ConnectionString = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={endpoint};LiveEndpoint={endpoint}";
        return sink;
    }

    public void Reset() => _items.Clear();

    private async Task AcceptAsync(HttpContext context)
    {
        // Live Metrics pings are answered "not subscribed"; ingestion batches are counted.
        context.Response.Headers["x-ms-qps-subscribed"] = "false";
        var body = context.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        using var reader = new StreamReader(body);
        foreach (Match item in BaseType().Matches(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false)))
        {
            _items.AddOrUpdate(item.Groups[1].Value, 1, (_, n) => n + 1);
        }
    }

    [GeneratedRegex("\"baseType\":\"(\\w+)\"")]
    private static partial Regex BaseType();

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
