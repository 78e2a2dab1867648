namespace SessionFunctions.Tests.Support;

/// <summary>Bounded waits in tests: each fails within its timeout, saying what it waited for.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="timeout"/> naming <paramref name="what"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; it did not happen.");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary><paramref name="task"/>'s result; fails after <paramref name="timeout"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; it did not happen.", exception);
        }
    }
}
