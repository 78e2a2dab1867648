using Azure;
using Azure.Data.Tables;

namespace SessionFunctions.Revocation;

/// <summary>
/// What a service that refreshes tokens calls before it issues a new pair: is this token's family revoked?
/// One point read (PartitionKey + RowKey) per check, no scan. It fails closed: <see langword="false"/> only when
/// storage answered 404 <c>ResourceNotFound</c> (no record in an existing table); anything else, a missing table,
/// a refused identity, throttling past the retries, a timeout or an unreachable account, throws
/// <see cref="RevocationCheckFailedException"/>, and the caller must refuse the refresh.
/// </summary>
public sealed class RevocationChecker
{
    /// <summary>The error code of a point read of an entity that does not exist in a table that does.</summary>
    public const string EntityNotFoundCode = "ResourceNotFound";

    private static readonly string[] KeysOnly = ["PartitionKey"];
    private readonly TableClient _table;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly RevocationCheckMetrics? _metrics;

    /// <summary>
    /// Checks revocations in <paramref name="table"/>, the table the sign-out function writes, each check bounded by
    /// <paramref name="options"/>' <see cref="RevocationCheckOptions.Timeout"/> on <paramref name="timeProvider"/>.
    /// Build the client with <see cref="RevocationTableClient"/> so that its retries fit that bound.
    /// </summary>
    public RevocationChecker(TableClient table, RevocationCheckOptions? options = null, TimeProvider? timeProvider = null, RevocationCheckMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new RevocationCheckOptions();
        var validation = new RevocationCheckOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _table = table;
        _timeout = options.Timeout;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = metrics;
    }

    /// <summary>The table this checker reads.</summary>
    public string TableName => _table.Name;

    /// <summary>Whether the family with <paramref name="familyKey"/> has been revoked.</summary>
    /// <exception cref="RevocationCheckFailedException">Storage did not tell: refuse the refresh.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> IsFamilyRevokedAsync(string familyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(familyKey);
        try
        {
            var revoked = await ReadAsync(familyKey, cancellationToken).ConfigureAwait(false);
            if (revoked)
            {
                _metrics?.Revoked();
            }
            else
            {
                _metrics?.NotRevoked();
            }

            return revoked;
        }
        catch (RevocationCheckFailedException failure)
        {
            _metrics?.Failed(failure.Reason);
            throw;
        }
    }

    /// <summary>
    /// Whether the family of an already validated refresh token has been revoked.
    /// <paramref name="rootId"/> is the value of its root id claim, <see langword="null"/> when it has none.
    /// </summary>
    /// <exception cref="RevocationCheckFailedException">Storage did not tell: refuse the refresh.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<bool> IsRevokedAsync(string? rootId, string compactToken, CancellationToken cancellationToken = default) =>
        IsFamilyRevokedAsync(TokenFamily.For(rootId, compactToken), cancellationToken);

    /// <summary>
    /// One bounded point read: <see langword="true"/> when the entity exists, <see langword="false"/> on 404
    /// <c>ResourceNotFound</c>, <see cref="RevocationCheckFailedException"/> on anything else. Counts nothing.
    /// </summary>
    internal async Task<bool> ReadAsync(string partitionKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The checker's own bound, retries and back-off included: the SDK's per-try timeout alone cannot stop a
        // Retry-After it was told to honour or a credential that hangs.
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await _table.GetEntityAsync<TableEntity>(partitionKey, RevocationRecord.RowKeyValue, KeysOnly, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException notFound) when (notFound.Status == 404 && notFound.ErrorCode == EntityNotFoundCode)
        {
            return false;
        }
        catch (Exception cancelled) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up: whatever the SDK threw on the way out, that is cancellation, not a storage failure.
            throw new OperationCanceledException("The caller cancelled the revocation check.", cancelled, cancellationToken);
        }
#pragma warning disable CA1031 // Failing closed means every other error becomes the one documented failure.
        catch (Exception error)
#pragma warning restore CA1031
        {
            var reason = deadline.IsCancellationRequested ? RevocationCheckFailure.Timeout : RevocationCheckFailures.Classify(error);
            throw new RevocationCheckFailedException(_table.Name, reason, error);
        }
    }
}
