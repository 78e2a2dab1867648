using System.Diagnostics.Metrics;

namespace SessionFunctions.Revocation;

/// <summary>
/// The counter of check outcomes, on the <see cref="MeterName"/> meter: <see cref="CounterName"/> with the tag
/// <c>outcome</c> = <c>revoked</c>, <c>not_revoked</c> or <c>failed</c> (and <c>reason</c> on failures). A check the
/// caller cancelled is not counted: it has no outcome.
/// </summary>
public sealed class RevocationCheckMetrics
{
    /// <summary>The meter's name, for an exporter's allow-list.</summary>
    public const string MeterName = "SessionFunctions.Revocation";

    /// <summary>The counter's name.</summary>
    public const string CounterName = "sessionfunctions.revocation.checks";

    private readonly Counter<long> _checks;

    /// <summary>Creates the counter on a meter from <paramref name="meterFactory"/>, which owns and disposes it.</summary>
    public RevocationCheckMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _checks = meter.CreateCounter<long>(CounterName, unit: "{check}", description: "Revocation checks by outcome.");
    }

    internal void Revoked() => _checks.Add(1, new KeyValuePair<string, object?>("outcome", "revoked"));

    internal void NotRevoked() => _checks.Add(1, new KeyValuePair<string, object?>("outcome", "not_revoked"));

    internal void Failed(RevocationCheckFailure reason) =>
        _checks.Add(1, new KeyValuePair<string, object?>("outcome", "failed"), new KeyValuePair<string, object?>("reason", ReasonTag(reason)));

    private static string ReasonTag(RevocationCheckFailure reason) => reason switch
    {
        RevocationCheckFailure.TableNotFound => "table_not_found",
        RevocationCheckFailure.AccessDenied => "access_denied",
        RevocationCheckFailure.StorageBusy => "storage_busy",
        RevocationCheckFailure.Timeout => "timeout",
        RevocationCheckFailure.Unreachable => "unreachable",
        RevocationCheckFailure.CredentialFailed => "credential_failed",
        _ => "other",
    };
}
