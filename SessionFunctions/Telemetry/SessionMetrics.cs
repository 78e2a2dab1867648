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

    // Dimensions and values: the deployed alerts (infra/modules/alerts.bicep) query these exact strings, and a test
    // checks every one they use against this list.
    /// <summary>Dimension of <see cref="SignOuts"/>: how the request ended.</summary>
    public const string OutcomeDimension = "outcome";

    /// <summary>Dimension of <see cref="SignOuts"/>: the envelope code answered.</summary>
    public const string CodeDimension = "code";

    /// <summary>Dimension of <see cref="SsoUrls"/>: whether an SSO sign-out URL was returned.</summary>
    public const string ReturnedDimension = "returned";

    public const string OutcomeRevoked = "revoked";
    public const string OutcomeAlreadyRevoked = "already_revoked";
    public const string OutcomeRefused = "refused";
    public const string OutcomeShed = "shed";
    public const string OutcomeStorageUnavailable = "storage_unavailable";
    public const string OutcomeError = "error";
    public const string OutcomeCancelled = "cancelled";

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

    /// <summary>One sign-out answered; <paramref name="outcome"/> is one of the <c>Outcome...</c> constants.</summary>
    public void SignOut(string outcome, int code) =>
        _signOuts.Add(1, new KeyValuePair<string, object?>(OutcomeDimension, outcome), new KeyValuePair<string, object?>(CodeDimension, code));

    public void SsoUrl(bool returned) => _ssoUrls.Add(1, new KeyValuePair<string, object?>(ReturnedDimension, returned));

    public void Removed(long count) => _cleanupRemoved.Add(count);
}
