using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using SessionFunctions.SignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.Tests.RevocationStorage.Azurite;

/// <summary>
/// Faults of the write that are nobody's input: the credential failing, the SDK or its pipeline throwing something
/// unforeseen. Each is the 50001 envelope with Retry-After (never a bare 500), one Warning, the storage_unavailable
/// metric, and nothing written. The host cancelling the invocation during the write is no fault: the write goes on.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class StorageInfrastructureFaultTests(AzuriteFixture fixture)
{
    /// <summary>The name Microsoft.Extensions.Azure gives the client registered without a name.</summary>
    private const string DefaultClientName = "Default";

    public static TheoryData<string> CredentialFailures => [nameof(AuthenticationFailedException), nameof(CredentialUnavailableException)];

    [Theory]
    [MemberData(nameof(CredentialFailures))]
    public async Task A_credential_that_fails_is_50001_not_a_500(string failure)
    {
        var credential = new FailingCredential(failure == nameof(AuthenticationFailedException)
            ? new AuthenticationFailedException("ManagedIdentityCredential authentication failed.")
            : new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable."));
        // Bound as in Azure: an endpoint and the app's credential (Microsoft.Extensions.Azure), no key.
        using var host = SignOutHost.Create(
            s =>
            {
                s.Remove("RevocationStorage");
                s["RevocationStorage:endpoint"] = "https://127.0.0.1:1/devstoreaccount1";
            },
            services: services => services.AddAzureClients(clients => clients.UseCredential(credential)));

        await AssertStorageUnavailableAsync(host, () => host.SignOutAsync(TestTokens.Refresh()));
        Assert.True(credential.Calls > 0, "the credential was never asked for a token");
    }

    [Fact]
    public async Task The_host_cancelling_the_invocation_during_the_write_still_records_the_sign_out()
    {
        var table = await NewTableAsync();
        using var stopping = new CancellationTokenSource();
        var rootId = Guid.NewGuid().ToString();
        using var host = TableHosts.Create(
            fixture.Azurite.ConnectionString,
            table,
            configure: null,
            services: services => services.Configure<TableClientOptions>(DefaultClientName, o => o.AddPolicy(new OnWrite(stopping.Cancel), HttpPipelinePosition.PerRetry)));

        // The host cancels an invocation when it stops and when the caller hangs up: a sign-out whose body arrived
        // is recorded either way.
        var response = await host.DeleteAsync(Body(TestTokens.Refresh(rootId: rootId)), cancellationToken: stopping.Token).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(stopping.IsCancellationRequested, "the write never reached the pipeline");
        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(SessionFunctions.Revocation.TokenFamily.FromRootId(rootId), Assert.Single(await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table)).PartitionKey);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_pipeline_policy_that_throws_something_unforeseen_is_50001_and_writes_nothing()
    {
        var table = await NewTableAsync();
        using var host = TableHosts.Create(
            fixture.Azurite.ConnectionString,
            table,
            configure: null,
            services: services => services.Configure<TableClientOptions>(
                DefaultClientName,
                o => o.AddPolicy(new OnWrite(() => throw new InvalidOperationException("a policy's own fault")), HttpPipelinePosition.PerCall)));

        await AssertStorageUnavailableAsync(host, () => host.SignOutAsync(TestTokens.Refresh()));
        Assert.Empty(await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table));
    }

    private static MemoryStream Body(string token) =>
        new(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["refresh_token"] = token })));

    private async Task<string> NewTableAsync()
    {
        var table = AzuriteFixture.NewTableName();
        await TableHosts.Table(fixture.Azurite.ConnectionString, table).CreateIfNotExistsAsync();
        return table;
    }

    private static async Task AssertStorageUnavailableAsync(SignOutHost host, Func<Task<SignOutResponse>> signOut)
    {
        using var signOuts = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SessionMetrics.MeterName, SessionMetrics.SignOuts);

        var response = await signOut().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal(ApiMessages.StorageUnavailable.Text, response.Msg);
        Assert.Equal("2", response.Headers.RetryAfter.ToString());
        var logged = Assert.Single(host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal((LogLevel.Warning, "StorageUnavailable"), (logged.Level, logged.Id.Name));
        var counted = Assert.Single(signOuts.GetMeasurementSnapshot());
        Assert.Equal(("storage_unavailable", ApiCode.StorageUnavailable), ((string)counted.Tags["outcome"]!, (int)counted.Tags["code"]!));
    }

    /// <summary>A credential that fails as Azure.Identity's do when managed identity is missing or refused.</summary>
    private sealed class FailingCredential(Exception failure) : TokenCredential
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw failure;
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromException<AccessToken>(failure);
        }
    }

    /// <summary>Runs an action when an entity write (POST) is about to be sent, then lets it go on.</summary>
    private sealed class OnWrite(Action action) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (message.Request.Method == RequestMethod.Post)
            {
                action();
            }
        }
    }
}
