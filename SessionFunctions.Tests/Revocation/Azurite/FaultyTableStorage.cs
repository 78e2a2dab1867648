using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>
/// A loopback stand-in in front of Azurite: the first <c>failures</c> requests get the fault a test chose (e.g. 503
/// <c>ServerBusy</c>, 403), the rest are forwarded to Azurite unchanged (Shared Key signs path and headers, not the
/// host, so Azurite accepts them). Also a storage that accepts connections and never answers, and one that is down.
/// </summary>
public sealed class FaultyTableStorage : IAsyncDisposable
{
    private static readonly HttpClient Forwarder = new(new SocketsHttpHandler { UseProxy = false });
    private readonly Uri _azurite;
    private readonly int _status;
    private readonly string _errorCode;
    private int _failuresLeft;
    private LoopbackHttpServer _server = null!;

    private FaultyTableStorage(Uri azurite, int failures, int status, string errorCode)
    {
        _azurite = azurite;
        _failuresLeft = failures;
        _status = status;
        _errorCode = errorCode;
    }

    public int Requests => _server.Requests;

    public string ConnectionString => CheckerServices.ConnectionTo(_server.BaseUri);

    /// <summary>Answers the first <paramref name="failures"/> requests with the fault, then forwards to <paramref name="azurite"/>.</summary>
    public static async Task<FaultyTableStorage> StartAsync(AzuriteTable azurite, int failures, int status, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var storage = new FaultyTableStorage(new Uri($"http://127.0.0.1:{azurite.Port}"), failures, status, errorCode);
        storage._server = await LoopbackHttpServer.StartAsync(storage.HandleAsync);
        return storage;
    }

    /// <summary>A storage endpoint that accepts connections and never answers.</summary>
    public static TcpListener Silent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    public static string ConnectionTo(TcpListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return CheckerServices.ConnectionTo(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"));
    }

    /// <summary>A storage endpoint where nothing listens: every connection is refused.</summary>
    public static string Down() => CheckerServices.ConnectionTo(new Uri($"http://127.0.0.1:{AzuriteTable.FreePort()}/"));

    private async Task HandleAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = _status;
            context.Response.ContentType = "application/json;odata=minimalmetadata";
            context.Response.Headers["x-ms-error-code"] = _errorCode;
            await context.Response.WriteAsync($"{{\"odata.error\":{{\"code\":\"{_errorCode}\",\"message\":{{\"lang\":\"en-US\",\"value\":\"fault injected\"}}}}}}");
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_azurite, context.Request.Path + context.Request.QueryString));
        foreach (var (name, values) in context.Request.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        request.Headers.Host = null;
        using var response = await Forwarder.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
