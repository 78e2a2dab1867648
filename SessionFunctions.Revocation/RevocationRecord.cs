using Azure;
using Azure.Data.Tables;

namespace SessionFunctions.Revocation;

/// <summary>
/// The one Table Storage entity that says a token family is revoked. PartitionKey is the family key from
/// <see cref="TokenFamily"/>; RowKey is always <see cref="RowKeyValue"/>, so a check is one point read.
/// </summary>
public sealed class RevocationRecord : ITableEntity
{
    /// <summary>The RowKey of every revocation record.</summary>
    public const string RowKeyValue = "revoked";

    /// <summary>The family key (see <see cref="TokenFamily"/>).</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>Always <see cref="RowKeyValue"/>.</summary>
    public string RowKey { get; set; } = RowKeyValue;

    /// <summary>Set by the service.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Set by the service.</summary>
    public ETag ETag { get; set; }

    /// <summary>The <c>sub</c> claim of the token that revoked the family.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>When the family was first revoked; a later sign-out of the same family never changes it.</summary>
    public DateTimeOffset RevokedAt { get; set; }

    /// <summary>Why: <c>sign-out</c> for the sign-out function.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>Where the family key came from: <c>root</c> (root id claim) or <c>token</c> (the token itself).</summary>
    public string FamilySource { get; set; } = string.Empty;

    /// <summary>The <c>exp</c> of the token that revoked the family, when it had one.</summary>
    public DateTimeOffset? TokenExpiresAt { get; set; }

    /// <summary>
    /// After this instant no token of the family can still be valid, so the record may be deleted.
    /// </summary>
    public DateTimeOffset RetainUntil { get; set; }

    /// <summary>The correlation id of the sign-out request that wrote the record.</summary>
    public string CorrelationId { get; set; } = string.Empty;

    /// <summary>The SSO connector the session came from, when it came from one.</summary>
    public string? Connector { get; set; }
}
