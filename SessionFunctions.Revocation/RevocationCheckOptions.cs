namespace SessionFunctions.Revocation;

/// <summary>
/// How a revocation check reaches its table and how long it may take. A check sits in front of every refresh, so
/// the defaults answer or fail within about a second: three tries of at most 250 ms, with back-off, inside a 1 s
/// bound that the checker enforces itself. <see cref="RevocationCheckOptionsValidator"/> checks that the tries fit.
/// </summary>
public sealed class RevocationCheckOptions
{
    /// <summary>The table the sign-out function writes (its <c>Revocation__TableName</c>).</summary>
    public string TableName { get; set; } = "RevokedTokenFamilies";

    /// <summary>The most one check takes, retries included; past it the check fails (never answers "not revoked").</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after a transient failure (throttling, 5xx, a dropped connection), by the Azure SDK's retry policy.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The most one try may take before the SDK abandons it and retries.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The first retry's back-off; each later one doubles it (exponential, with the SDK's ±20 % jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest the SDK's back-off between tries can add up to: the jitter can stretch each delay by 20 %.</summary>
    public TimeSpan WorstCaseBackOff =>
        MaxRetries is < 0 or > RevocationCheckOptionsValidator.MaxRetriesLimit
            ? TimeSpan.MaxValue
            : RetryDelay * 1.2 * ((1 << MaxRetries) - 1);

    /// <summary>The longest every try and every back-off take together: <see cref="Timeout"/> must not be shorter.</summary>
    public TimeSpan WorstCaseRetryBudget =>
        WorstCaseBackOff == TimeSpan.MaxValue ? TimeSpan.MaxValue : (NetworkTimeout * (MaxRetries + 1)) + WorstCaseBackOff;
}
