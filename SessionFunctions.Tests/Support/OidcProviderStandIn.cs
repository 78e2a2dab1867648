using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SessionFunctions.Tests.Support;

/// <summary>How the stand-in identity provider answers its discovery request.</summary>
public enum DiscoveryBehaviour
{
    Normal,
    NoEndSessionEndpoint,
    Fail,
    Hang,
}

/// <summary>
/// A local OpenID provider stand-in: a real HTTP server on a loopback port serving
/// <c>/.well-known/openid-configuration</c> as the test sets it (normal, without end-session endpoint, failing,
/// hanging). Counts discovery requests.
/// </summary>
public sealed class OidcProviderStandIn : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly CancellationTokenSource _release = new();
    private int _discoveryRequests;

    private OidcProviderStandIn(LoopbackHttpServer server) => _server = server;

    public DiscoveryBehaviour Behaviour { get; set; }

    public string EndSessionPath { get; set; } = "realms/main/protocol/openid-connect/logout";

    public Uri Authority => _server.BaseUri;

    public string EndSessionEndpoint => _server.BaseUri + EndSessionPath;

    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    public static async Task<OidcProviderStandIn> StartAsync(DiscoveryBehaviour behaviour = DiscoveryBehaviour.Normal)
    {
        OidcProviderStandIn? standIn = null;
        var server = await LoopbackHttpServer.StartAsync(context => standIn!.AnswerAsync(context));
        standIn = new OidcProviderStandIn(server) { Behaviour = behaviour };
        return standIn;
    }

    /// <summary>Ends the hanging requests with a failure, and fails from now on, so the client's retries end quickly.</summary>
    public void ReleaseHangingRequests()
    {
        Behaviour = DiscoveryBehaviour.Fail;
        _release.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        _release.Cancel();
        await _server.DisposeAsync();
        _release.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path != "/.well-known/openid-configuration")
        {
            context.Response.StatusCode = 404;
            return;
        }

        Interlocked.Increment(ref _discoveryRequests);
        switch (Behaviour)
        {
            case DiscoveryBehaviour.Fail:
                context.Response.StatusCode = 500;
                return;
            case DiscoveryBehaviour.Hang:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping, _release.Token))
                {
                    await Task.Delay(Timeout.Infinite, hang.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                context.Response.StatusCode = 500;

                return;
        }

        var document = new Dictionary<string, object>
        {
            ["issuer"] = Authority.AbsoluteUri.TrimEnd('/'),
            ["authorization_endpoint"] = Authority + "authorize",
            ["response_types_supported"] = new[] { "code" },
        };
        if (Behaviour == DiscoveryBehaviour.Normal)
        {
            document["end_session_endpoint"] = EndSessionEndpoint;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(document));
    }
}
