using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SessionFunctions.Revocation;

/// <summary>
/// Proves the revocation table is reachable and readable with the checker's own client, identity and bound: a point
/// read of a key no family can have (family keys start with <c>root-</c> or <c>token-</c>) must answer 404
/// <c>ResourceNotFound</c>. A missing table, a refused identity, a timeout or an outage is Unhealthy, with the
/// reason the check would fail with. Register it with <c>AddHealthChecks().AddCheck&lt;RevocationTableHealthCheck&gt;(name)</c>.
/// </summary>
public sealed class RevocationTableHealthCheck(RevocationChecker checker) : IHealthCheck
{
    /// <summary>The PartitionKey the probe reads; the family rule never produces it.</summary>
    public const string ProbeKey = "health-probe";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checker);
        try
        {
            await checker.ReadAsync(ProbeKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Revocation table '{checker.TableName}' is readable.");
        }
        catch (RevocationCheckFailedException failure)
        {
            return new HealthCheckResult(
                context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy,
                failure.Message,
                failure,
                new Dictionary<string, object> { ["reason"] = failure.Reason.ToString() });
        }
    }
}
