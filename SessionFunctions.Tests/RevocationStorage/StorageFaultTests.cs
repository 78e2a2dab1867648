using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.RevocationStorage;

/// <summary>
/// Storage that hangs, throttles or fails: bounded time, bounded retries, 200/50001 with Retry-After and never a
/// false success.
/// </summary>
public sealed class StorageFaultTests
{
    private static string ConnectionTo(Uri endpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteTable.AccountKey};TableEndpoint={endpoint}devstoreaccount1;";

    [Fact]
    public async Task A_storage_service_that_never_answers_gets_every_try_within_the_shortest_valid_storage_timeout()
    {
        using var silent = SilentStorage();
        var counter = new RequestCounter();
        var shape = new RevocationOptions { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(1) };
        using var host = TableHosts.Create(ConnectionTo(EndpointOf(silent)), AzuriteFixture.NewTableName(), counter, realClock: true, configure: s =>
        {
            s["Revocation:MaxRetries"] = shape.MaxRetries.ToString(CultureInfo.InvariantCulture);
            s["Revocation:NetworkTimeout"] = shape.NetworkTimeout.ToString();
            // The shortest StorageTimeout the options validation accepts for these tries.
            s["Revocation:StorageTimeout"] = shape.MinimumStorageTimeout.ToString();
        });

        var response = await host.SignOutAsync(TestTokens.RefreshOnRealClock(Guid.NewGuid().ToString())).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal("2", response.Headers.RetryAfter.ToString());
        // 1 + MaxRetries tries reached the wire before the storage timeout ended the write.
        Assert.Equal(shape.MaxRetries + 1, counter.Count);
    }

    [Fact]
    public async Task The_storage_timeout_ends_a_write_that_a_servers_retry_after_would_hold_longer()
    {
        // A server's Retry-After overrides the SDK's back-off cap, so only StorageTimeout bounds it.
        await using var storage = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "60";
            return Fail(context, StatusCodes.Status503ServiceUnavailable, "ServerBusy");
        });
        using var host = TableHosts.Create(ConnectionTo(storage.BaseUri), AzuriteFixture.NewTableName(), configure: s => s["Revocation:StorageTimeout"] = "00:00:05");

        var pending = host.SignOutAsync(TestTokens.Refresh());
        await WaitUntilAsync(() => storage.Requests == 1, "the first try to reach the stand-in");
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal(1, storage.Requests);
    }

    [Theory]
    [InlineData(503, "ServerBusy")]
    [InlineData(500, "InternalError")]
    public async Task Throttling_and_server_errors_are_retried_a_bounded_number_of_times_then_50001(int status, string errorCode)
    {
        await using var storage = await LoopbackHttpServer.StartAsync(context => Fail(context, status, errorCode));
        using var host = TableHosts.Create(ConnectionTo(storage.BaseUri), AzuriteFixture.NewTableName(), configure: s => s["Revocation:MaxRetries"] = "2");

        var response = await host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal(3, storage.Requests);
    }

    [Theory]
    [InlineData(403, "AuthorizationPermissionMismatch")]
    [InlineData(400, "InvalidInput")]
    public async Task Non_retryable_answers_are_not_retried(int status, string errorCode)
    {
        await using var storage = await LoopbackHttpServer.StartAsync(context => Fail(context, status, errorCode));
        using var host = TableHosts.Create(ConnectionTo(storage.BaseUri), AzuriteFixture.NewTableName());

        var response = await host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal(1, storage.Requests);
    }

    [Fact]
    public async Task A_write_beyond_the_limit_and_its_queue_is_shed_at_once_and_sends_nothing_to_storage()
    {
        using var silent = SilentStorage();
        var counter = new RequestCounter();
        using var host = TableHosts.Create(ConnectionTo(EndpointOf(silent)), AzuriteFixture.NewTableName(), counter, s =>
        {
            s["Revocation:MaxConcurrentWrites"] = "1";
            s["Revocation:MaxQueuedWrites"] = "0";
            s["Revocation:StorageTimeout"] = "00:00:30";
            s["Revocation:NetworkTimeout"] = "00:00:09";
        });

        // The one slot is taken by a write that storage never answers.
        var holding = host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()));
        using var accepted = await silent.AcceptTcpClientAsync();
        Assert.Equal(1, counter.Count);

        var shed = await host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()));

        Assert.Equal(200, shed.Status);
        Assert.Equal(ApiCode.StorageUnavailable, shed.Code);
        Assert.Equal("2", shed.Headers.RetryAfter.ToString());
        Assert.Equal(1, counter.Count);
        Assert.False(holding.IsCompleted);

        // The held write ends at its storage timeout (fake clock), still as 50001, never as success.
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ApiCode.StorageUnavailable, (await holding.WaitAsync(TimeSpan.FromSeconds(30))).Code);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.False(limit.IsCancellationRequested, $"gave up after 30 s waiting for {what}");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>A storage endpoint that accepts connections and never answers.</summary>
    private static TcpListener SilentStorage()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static Uri EndpointOf(TcpListener listener) => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    private static Task Fail(HttpContext context, int status, string errorCode)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;odata=minimalmetadata";
        context.Response.Headers["x-ms-error-code"] = errorCode;
        return context.Response.WriteAsync($"{{\"odata.error\":{{\"code\":\"{errorCode}\",\"message\":{{\"lang\":\"en-US\",\"value\":\"fault injected\"}}}}}}");
    }
}
