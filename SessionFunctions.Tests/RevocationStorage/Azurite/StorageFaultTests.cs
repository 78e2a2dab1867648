using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.RevocationStorage.Azurite;

/// <summary>Storage that hangs, throttles or fails: bounded time, bounded retries, 503 and never a false success.</summary>
public sealed class StorageFaultTests
{
    private static string ConnectionTo(Uri endpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteTable.AccountKey};TableEndpoint={endpoint}devstoreaccount1;";

    [Fact]
    public async Task A_storage_service_that_never_answers_is_503_after_the_bounded_tries()
    {
        using var silent = SilentStorage();
        using var host = TableHosts.Create(ConnectionTo(EndpointOf(silent)), AzuriteFixture.NewTableName(), configure: s =>
        {
            s["Revocation:MaxRetries"] = "2";
            s["Revocation:NetworkTimeout"] = "00:00:00.400";
        });

        var clock = Stopwatch.StartNew();
        var response = await host.SignOutAsync(TestTokens.Refresh());
        clock.Stop();

        Assert.Equal(503, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        // A functional bound, not a speed target: 3 tries x 0.4 s + back-off; the margin absorbs a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_storage_timeout_ends_a_hanging_write_even_when_the_sdk_would_wait_longer()
    {
        using var silent = SilentStorage();
        using var host = TableHosts.Create(ConnectionTo(EndpointOf(silent)), AzuriteFixture.NewTableName(), configure: s =>
        {
            s["Revocation:StorageTimeout"] = "00:00:02";
            s["Revocation:MaxRetries"] = "5";
            s["Revocation:NetworkTimeout"] = "00:01:00";
        });

        var pending = host.SignOutAsync(TestTokens.Refresh());
        using var accepted = await silent.AcceptTcpClientAsync();
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(503, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
    }

    [Theory]
    [InlineData(503, "ServerBusy")]
    [InlineData(500, "InternalError")]
    public async Task Throttling_and_server_errors_are_retried_a_bounded_number_of_times_then_503(int status, string errorCode)
    {
        await using var storage = await LoopbackHttpServer.StartAsync(context => Fail(context, status, errorCode));
        using var host = TableHosts.Create(ConnectionTo(storage.BaseUri), AzuriteFixture.NewTableName(), configure: s => s["Revocation:MaxRetries"] = "2");

        var response = await host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(503, response.Status);
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

        Assert.Equal(503, response.Status);
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
            s["Revocation:NetworkTimeout"] = "00:01:00";
        });

        // The one slot is taken by a write that storage never answers.
        var holding = host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()));
        using var accepted = await silent.AcceptTcpClientAsync();
        Assert.Equal(1, counter.Count);

        var shed = await host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString()));

        Assert.Equal(503, shed.Status);
        Assert.Equal(ApiCode.StorageUnavailable, shed.Code);
        Assert.Equal("2", shed.Headers.RetryAfter.ToString());
        Assert.Equal(1, counter.Count);
        Assert.False(holding.IsCompleted);

        // The held write ends at its storage timeout (fake clock), still as 503, never as success.
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(503, (await holding.WaitAsync(TimeSpan.FromSeconds(30))).Status);
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
