using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SessionFunctions.Telemetry;

namespace SessionFunctions.RevocationCleanup;

/// <summary>
/// Deletes revocation records whose family can no longer hold a valid token (<c>RetainUntil + Grace</c> is past),
/// a page at a time, within a run-time budget, resuming where the last run stopped.
/// </summary>
public sealed class RevocationCleaner(
    TableServiceClient service,
    IOptions<RevocationOptions> revocation,
    IOptions<RevocationCleanupOptions> options,
    TimeProvider time,
    SessionMetrics metrics,
    ILogger<RevocationCleaner> logger)
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];
    private readonly TableClient _table = service.GetTableClient(revocation.Value.TableName);
    private readonly RevocationCleanupOptions _options = options.Value;
    private string? _resumeFrom;

    public async Task<CleanupResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var cutoff = time.GetUtcNow() - _options.Grace;
        // Strictly before the cutoff: a record is never deleted while its family may still hold a valid token.
        var filter = TableClient.CreateQueryFilter($"RetainUntil lt {cutoff}");
        long removed = 0;
        var pages = 0;
        var continuation = _resumeFrom;
        try
        {
            await foreach (var page in _table.QueryAsync<TableEntity>(filter, _options.BatchSize, KeysOnly, cancellationToken)
                .AsPages(continuation, _options.BatchSize).ConfigureAwait(false))
            {
                pages++;
                removed += await DeleteAsync(page.Values, cancellationToken).ConfigureAwait(false);
                continuation = page.ContinuationToken;
                if (continuation is not null && time.GetElapsedTime(started) >= _options.MaxRunTime)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No table yet: nothing was ever revoked, so nothing is due.
            continuation = null;
        }
        finally
        {
            metrics.Removed(removed);
        }

        _resumeFrom = continuation;
        SessionLog.CleanupRan(logger, removed, pages, continuation is not null);
        return new CleanupResult(removed, pages, continuation);
    }

    private async Task<long> DeleteAsync(IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        long removed = 0;
        await Parallel.ForEachAsync(
            entities,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (entity, token) =>
            {
                try
                {
                    // The ETag read with the page: a record changed since then is left for the next run.
                    await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, token).ConfigureAwait(false);
                    Interlocked.Increment(ref removed);
                }
                catch (RequestFailedException exception) when (exception.Status is 404 or 412)
                {
                }
            }).ConfigureAwait(false);
        return removed;
    }
}
