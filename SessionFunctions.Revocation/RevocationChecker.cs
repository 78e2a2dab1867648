using Azure.Data.Tables;

namespace SessionFunctions.Revocation;

/// <summary>
/// What a service that refreshes tokens calls before it issues a new pair: is this token's family revoked?
/// One point read (PartitionKey + RowKey) per check, no scan.
/// </summary>
public sealed class RevocationChecker
{
    private static readonly string[] KeysOnly = ["PartitionKey"];
    private readonly TableClient _table;

    /// <summary>Checks revocations in <paramref name="table"/>, the table the sign-out function writes.</summary>
    public RevocationChecker(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>Whether the family with <paramref name="familyKey"/> has been revoked.</summary>
    public async Task<bool> IsFamilyRevokedAsync(string familyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(familyKey);
        var response = await _table
            .GetEntityIfExistsAsync<TableEntity>(familyKey, RevocationRecord.RowKeyValue, KeysOnly, cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue;
    }

    /// <summary>
    /// Whether the family of an already validated refresh token has been revoked.
    /// <paramref name="rootId"/> is the value of its root id claim, <see langword="null"/> when it has none.
    /// </summary>
    public Task<bool> IsRevokedAsync(string? rootId, string compactToken, CancellationToken cancellationToken = default) =>
        IsFamilyRevokedAsync(TokenFamily.For(rootId, compactToken), cancellationToken);
}
