using System.Threading.RateLimiting;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Microsoft.Extensions.Options;
using SessionFunctions.Revocation;

namespace SessionFunctions.RevocationStorage;

/// <summary>
/// One insert per sign-out (no read first): the insert either creates the family's record or answers 409, which
/// means the family is already revoked and its first record, with its first revocation time, stays as it is.
/// Writes pass a concurrency limiter with a bounded queue, so overload is shed at once instead of queueing
/// inside the storage client until every request times out.
/// </summary>
public sealed class TableRevocationStore : IRevocationStore, IDisposable
{
    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _maxQueueWait;
    private readonly ConcurrencyLimiter _writes;

    public TableRevocationStore(TableServiceClient service, IOptions<RevocationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var revocation = options.Value;
        _table = service.GetTableClient(revocation.TableName);
        _time = time;
        _timeout = revocation.StorageTimeout;
        _maxQueueWait = revocation.MaxQueueWait;
        _writes = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = revocation.MaxConcurrentWrites,
            QueueLimit = revocation.MaxQueuedWrites,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public async Task<RevocationOutcome> RevokeAsync(RevocationRecord record, CancellationToken cancellationToken)
    {
        using var slot = await AcquireSlotAsync(cancellationToken).ConfigureAwait(false);

        // One bound for the whole write, retries included, so a hanging storage account cannot hold a request.
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await InsertAsync(record, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping this invocation (shutdown, scale-in) before storage confirmed the write: the
            // client is told to try again, which is safe whether or not the record landed.
            throw new RevocationStoreUnavailableException("The host cancelled the write before storage confirmed it.", exception);
        }
        catch (OperationCanceledException exception)
        {
            throw new RevocationStoreUnavailableException($"Storage did not answer within {_timeout}.", exception);
        }
        catch (Exception exception)
        {
            // Whatever else the client, its pipeline or its credential throws (RequestFailedException, IOException,
            // Azure.Identity's AuthenticationFailedException or CredentialUnavailableException, a policy's own
            // fault) is an infrastructure fault, never the caller's: one answer for all of them.
            throw new RevocationStoreUnavailableException($"Storage refused or failed the write ({exception.GetType().Name}).", exception);
        }
    }

    private async Task<RateLimitLease> AcquireSlotAsync(CancellationToken cancellationToken)
    {
        // The common case, a free slot and nobody queued, costs no timer and no linked token.
        var free = _writes.AttemptAcquire();
        if (free.IsAcquired)
        {
            return free;
        }

        free.Dispose();
        using var wait = new CancellationTokenSource(_maxQueueWait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        RateLimitLease lease;
        try
        {
            lease = await _writes.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RevocationWriteShedException($"No write slot within {_maxQueueWait}.", exception);
        }
        catch (OperationCanceledException exception)
        {
            throw new RevocationWriteShedException("The host cancelled the invocation while it waited for a write slot.", exception);
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new RevocationWriteShedException("The write queue is full.");
        }

        return lease;
    }

    private async Task<RevocationOutcome> InsertAsync(RevocationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(record, cancellationToken).ConfigureAwait(false);
            return RevocationOutcome.Revoked;
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == TableErrorCode.EntityAlreadyExists)
        {
            return RevocationOutcome.AlreadyRevoked;
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == TableErrorCode.TableNotFound)
        {
            // Only the first sign-out against a new account pays for this; creating up front would cost every
            // cold start a request (and a logged 409 once the table exists).
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return await InsertAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _writes.Dispose();
}
