using Azure.Core;

namespace SessionFunctions.RevocationStorage;

/// <summary>
/// The storage client's retry policy, in one place so the options validation can reason about its worst case.
/// Azure.Core's exponential strategy waits <c>Delay x 2^(n-1)</c> before retry n, times a jitter of 0.8-1.2, capped
/// at <c>MaxDelay</c> (<c>DelayStrategy.CreateExponentialDelayStrategy</c>).
/// </summary>
public static class StorageRetryPolicy
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private const double MaxJitter = 1.2;

    /// <summary>The longest the policy can wait between tries over <paramref name="maxRetries"/> retries (server <c>Retry-After</c> aside).</summary>
    public static TimeSpan WorstCaseBackOff(int maxRetries)
    {
        var total = TimeSpan.Zero;
        for (var retry = 1; retry <= maxRetries; retry++)
        {
            var jittered = Delay * Math.Pow(2, retry - 1) * MaxJitter;
            total += jittered < MaxDelay ? jittered : MaxDelay;
        }

        return total;
    }

    public static void Apply(RetryOptions retry, RevocationOptions revocation)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(revocation);
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = revocation.MaxRetries;
        retry.Delay = Delay;
        retry.MaxDelay = MaxDelay;
        retry.NetworkTimeout = revocation.NetworkTimeout;
    }
}
