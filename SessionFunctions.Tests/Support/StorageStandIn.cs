using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace SessionFunctions.Tests.Support;

/// <summary>
/// Storage with a known capacity, whatever this machine's speed: a loopback proxy in front of Azurite that lets
/// <see cref="Slots"/> writes through at once and holds each slot for exactly <see cref="Hold"/> (the forward to
/// Azurite happens inside the hold), so it serves <c>Slots / Hold</c> writes a second. It can also throttle
/// (503 ServerBusy instead of forwarding) and spike (hold a write far longer) on a fixed share of writes. It records
/// what storage saw, by counts rather than times: every write per family, and the most families written at once.
/// </summary>
public sealed class StorageStandIn : IAsyncDisposable
{
    private static readonly HttpClient Forwarder = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 });
    private readonly SemaphoreSlim _slots;
    private readonly Uri _azurite;
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _writesByFamily = new(StringComparer.Ordinal);
    private LoopbackHttpServer _server = null!;
    private int _writes;
    private int _maxInFlight;

    private StorageStandIn(Uri azurite, int slots, TimeSpan hold)
    {
        _azurite = azurite;
        _slots = new SemaphoreSlim(slots, slots);
        Slots = slots;
        Hold = hold;
    }

    public int Slots { get; }

    public TimeSpan Hold { get; }

    /// <summary>Writes the stand-in can serve in a second.</summary>
    public double Capacity => Slots / Hold.TotalSeconds;

    /// <summary>Every Nth write answers 503 ServerBusy without reaching Azurite (0: never).</summary>
    public int ThrottleEvery { get; init; }

    /// <summary>Every Nth write is held for <see cref="SpikeHold"/> instead of <see cref="Hold"/> (0: never).</summary>
    public int SpikeEvery { get; init; }

    public TimeSpan SpikeHold { get; init; }

    /// <summary>Entity writes received, retries included.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Writes received per family (the entity's PartitionKey), retries included.</summary>
    public IReadOnlyDictionary<string, int> WritesByFamily => _writesByFamily;

    /// <summary>
    /// The most families that had a write open here at once. Counted by family, so a try the client already gave
    /// up on and its retry (the same family) count once, however late the abort reaches this side.
    /// </summary>
    public int MaxInFlight
    {
        get
        {
            lock (_open)
            {
                return _maxInFlight;
            }
        }
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteTable.AccountKey};TableEndpoint={_server.BaseUri}devstoreaccount1;";

    public static async Task<StorageStandIn> StartAsync(AzuriteTable azurite, int slots, TimeSpan hold, int throttleEvery = 0, int spikeEvery = 0, TimeSpan spikeHold = default)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var standIn = new StorageStandIn(new Uri($"http://127.0.0.1:{azurite.Port}"), slots, hold) { ThrottleEvery = throttleEvery, SpikeEvery = spikeEvery, SpikeHold = spikeHold };
        standIn._server = await LoopbackHttpServer.StartAsync(standIn.HandleAsync);
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await WriteAsync(context, await ForwardAsync(context, await ReadBodyAsync(context)));
            return;
        }

        var body = await ReadBodyAsync(context);
        var family = Family(body);
        var write = Interlocked.Increment(ref _writes);
        _writesByFamily.AddOrUpdate(family, 1, (_, n) => n + 1);
        Opened(family);
        try
        {
            await _slots.WaitAsync(context.RequestAborted);
            try
            {
                var held = Stopwatch.StartNew();
                var answer = ThrottleEvery > 0 && write % ThrottleEvery == 0 ? ServerBusy : await ForwardAsync(context, body);
                var hold = SpikeEvery > 0 && write % SpikeEvery == 0 ? SpikeHold : Hold;
                var rest = hold - held.Elapsed;
                if (rest > TimeSpan.Zero)
                {
                    // The answer leaves only when the hold is over, so the client sees the whole latency.
                    await Task.Delay(rest, context.RequestAborted);
                }

                await WriteAsync(context, answer);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up on this try (its network timeout); the slot is freed above.
        }
        finally
        {
            Closed(family);
        }
    }

    private void Opened(string family)
    {
        lock (_open)
        {
            _open[family] = _open.GetValueOrDefault(family) + 1;
            _maxInFlight = Math.Max(_maxInFlight, _open.Count);
        }
    }

    private void Closed(string family)
    {
        lock (_open)
        {
            if (--_open[family] == 0)
            {
                _open.Remove(family);
            }
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    private static string Family(byte[] body)
    {
        try
        {
            using var entity = System.Text.Json.JsonDocument.Parse(body);
            return entity.RootElement.TryGetProperty("PartitionKey", out var key) ? key.GetString() ?? "" : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    private static readonly Answer ServerBusy = new(
        StatusCodes.Status503ServiceUnavailable,
        [new("Content-Type", ["application/json"])],
        """{"odata.error":{"code":"ServerBusy","message":{"lang":"en-US","value":"The server is busy."}}}"""u8.ToArray());

    private async Task<Answer> ForwardAsync(HttpContext context, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_azurite, context.Request.Path + context.Request.QueryString));
        request.Content = new ByteArrayContent(body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        request.Headers.Host = null;
        using var response = await Forwarder.SendAsync(request, context.RequestAborted);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !string.Equals(h.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()))
            .ToList();
        return new Answer((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
    }

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, values) in answer.Headers)
        {
            context.Response.Headers[name] = values;
        }

        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    private sealed record Answer(int Status, List<KeyValuePair<string, string[]>> Headers, byte[] Body);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _slots.Dispose();
    }
}
