using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Microsoft.Extensions.Options;
using SessionFunctions.Revocation;

namespace SessionFunctions.SignOut;

/// <summary>
/// One insert per sign-out (no read first): the insert either creates the family's record or answers 409, which
/// means the family is already revoked and its first record, with its first revocation time, stays as it is.
/// </summary>
internal sealed class TableRevocationStore(TableServiceClient service, IOptions<RevocationOptions> options, TimeProvider time) : IRevocationStore
{
    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);
    private readonly TimeSpan _timeout = options.Value.StorageTimeout;

    public async Task<RevocationOutcome> RevokeAsync(RevocationRecord record, CancellationToken cancellationToken)
    {
        // One bound for the whole write, retries included, so a hanging storage account cannot hold a request.
        using var deadline = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await InsertAsync(record, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RevocationStoreUnavailableException($"Storage did not answer within {_timeout}.", exception);
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or IOException or HttpRequestException)
        {
            throw new RevocationStoreUnavailableException("Storage refused or failed the write.", exception);
        }
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
}
