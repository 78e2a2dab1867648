using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.Telemetry;

/// <summary>
/// No token, signature or key in the logs. Every <see cref="SignOutHost"/> audits its logs when disposed, so every
/// test of the run checks this; these tests show the audit sees real logs and catches a leak.
/// </summary>
public sealed class SecretsHygieneTests
{
    [Fact]
    public async Task A_varied_run_logs_outcomes_but_no_secret()
    {
        var store = new InMemoryRevocationStore();
        using var host = SignOutHost.Create(s => s["SignOut:IncludeErrorDetail"] = "true", store: store);

        await host.SignOutAsync(TestTokens.Refresh(connector: "logto"));
        await host.SignOutAsync(TestTokens.Refresh(connector: "unknown"));
        await host.SignOutAsync(TestTokens.Refresh(kid: "k9"));
        await host.SignOutAsync(TestTokens.Refresh(secret: TestTokens.RetiredKey, kid: null));
        await host.DeleteAsync("{\"refresh_token\": 1}");
        store.FailWith = new RevocationStoreUnavailableException("down");
        await host.SignOutAsync(TestTokens.Refresh());
        store.FailWith = new InvalidOperationException("bug");
        await host.SignOutAsync(TestTokens.Refresh());

        var logs = host.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Debug && r.Message.StartsWith("Signed out", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Level == LogLevel.Warning);
        Assert.Contains(logs, r => r.Level == LogLevel.Error);
        Assert.All(logs.Where(r => r.Category == typeof(SignOutFunction).FullName), r => Assert.Contains(r.Scopes, s => s is IEnumerable<KeyValuePair<string, object>> pairs && pairs.Any(p => p.Key == "CorrelationId")));
        host.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task The_audit_catches_a_logged_token()
    {
        using var host = SignOutHost.Create(store: new InMemoryRevocationStore());
        var token = TestTokens.Refresh();
        await host.SignOutAsync(token);
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Leaky").LogInformation("sig {Sig}", token.Split('.')[2]);

        Assert.Throws<InvalidOperationException>(host.AssertNoSecretsLogged);
        host.Logs.Clear();
    }

    [Fact]
    public void The_audit_catches_a_logged_signing_key()
    {
        using var host = SignOutHost.Create(store: new InMemoryRevocationStore());
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Leaky").LogWarning("key is {Key}", TestTokens.KeyTwo);

        Assert.Throws<InvalidOperationException>(host.AssertNoSecretsLogged);
        host.Logs.Clear();
    }
}
