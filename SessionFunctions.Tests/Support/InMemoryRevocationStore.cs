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

    public Task<RevocationOutcome> RevokeAsync(RevocationRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Writes);
        if (FailWith is not null)
        {
            throw FailWith;
        }

        return Task.FromResult(Records.TryAdd(record.PartitionKey, record) ? RevocationOutcome.Revoked : RevocationOutcome.AlreadyRevoked);
    }
}
