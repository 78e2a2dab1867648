using System.Diagnostics.Metrics;

namespace SessionFunctions.Telemetry;

/// <summary>
/// The counters an operator charts and alerts on, on the <see cref="MeterName"/> meter (System.Diagnostics.Metrics,
/// exported to Application Insights as custom metrics).
/// </summary>
public sealed class SessionMetrics
{
    public const string MeterName = "SessionFunctions";
    public const string SignOuts = "sessionfunctions.signout.requests";
    public const string SsoUrls = "sessionfunctions.signout.sso_url";
    public const string CleanupRemoved = "sessionfunctions.revocation.cleanup.removed";

    private readonly Counter<long> _signOuts;
    private readonly Counter<long> _ssoUrls;
    private readonly Counter<long> _cleanupRemoved;

    public SessionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _signOuts = meter.CreateCounter<long>(SignOuts, "{request}", "Sign-out requests by outcome and envelope code.");
        _ssoUrls = meter.CreateCounter<long>(SsoUrls, "{request}", "Successful sign-outs by whether an SSO sign-out URL was returned.");
        _cleanupRemoved = meter.CreateCounter<long>(CleanupRemoved, "{record}", "Expired revocation records deleted by the clean-up.");
    }

    /// <summary>One sign-out answered; <paramref name="outcome"/> is revoked, already_revoked, refused, shed, storage_unavailable or error.</summary>
    public void SignOut(string outcome, int code) =>
        _signOuts.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("code", code));

    public void SsoUrl(bool returned) => _ssoUrls.Add(1, new KeyValuePair<string, object?>("returned", returned));

    public void Removed(long count) => _cleanupRemoved.Add(count);
}
