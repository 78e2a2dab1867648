using System.Collections.Concurrent;
using SessionFunctions.Revocation;
using SessionFunctions.RevocationStorage;

namespace SessionFunctions.Tests.Support;

/// <summary>A store for function-level tests: keeps the first record per family, like the table does.</summary>
internal sealed class InMemoryRevocationStore : IRevocationStore
{
    public ConcurrentDictionary<string, RevocationRecord> Records { get; } = new();

    public int Writes;

    public Exception? FailWith { get; set; }

    /// <summary>Runs as each write starts, with the token the write was given (a test can cancel the invocation here).</summary>
    public Func<CancellationToken, CancellationToken>? OnWrite { get; set; }

    /// <summary>The token the last write was given, as it stood after <see cref="OnWrite"/> ran.</summary>
    public CancellationToken LastToken { get; private set; }

    public Task<RevocationOutcome> RevokeAsync(RevocationRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Writes);
        LastToken = OnWrite?.Invoke(cancellationToken) ?? cancellationToken;
        if (FailWith is not null)
        {
            throw FailWith;
        }

        return Task.FromResult(Records.TryAdd(record.PartitionKey, record) ? RevocationOutcome.Revoked : RevocationOutcome.AlreadyRevoked);
    }
}
