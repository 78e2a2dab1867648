using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.Tests.Telemetry;

public sealed class MetricsTests
{
    [Fact]
    public async Task Each_outcome_is_counted_with_its_code_and_sso_urls_are_counted()
    {
        var store = new InMemoryRevocationStore();
        using var host = SignOutHost.Create(store: store);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var signOuts = new MetricCollector<long>(meters, SessionMetrics.MeterName, SessionMetrics.SignOuts);
        using var ssoUrls = new MetricCollector<long>(meters, SessionMetrics.MeterName, SessionMetrics.SsoUrls);
        var root = Guid.NewGuid().ToString();

        await host.SignOutAsync(TestTokens.Refresh(rootId: root, connector: "logto"));
        await host.SignOutAsync(TestTokens.Refresh(rootId: root));
        await host.DeleteAsync("{}");
        await host.SignOutAsync("a.b.c");
        store.FailWith = new RevocationStoreUnavailableException("down");
        await host.SignOutAsync(TestTokens.Refresh());

        var recorded = signOuts.GetMeasurementSnapshot().Select(m => ((string)m.Tags["outcome"]!, (int)m.Tags["code"]!)).ToList();
        Assert.Equal(
            [("revoked", 0), ("already_revoked", 0), ("refused", ApiCode.ParameterError), ("refused", ApiCode.CredentialInvalid), ("storage_unavailable", ApiCode.StorageUnavailable)],
            recorded);
        Assert.Equal([true, false], ssoUrls.GetMeasurementSnapshot().Select(m => (bool)m.Tags["returned"]!));
    }

    [Theory]
    [InlineData("ClientId=abc;Authorization=AAD", "abc")]
    [InlineData("Authorization=AAD; ClientId=abc", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=abc", null)]
    [InlineData(null, null)]
    public void The_telemetry_identity_is_read_from_the_hosts_authentication_string(string? value, string? clientId) =>
        Assert.Equal(clientId, TelemetryServiceCollectionExtensions.EntraClientId(value));
}
