using SessionFunctions.Revocation;

namespace SessionFunctions.RevocationStorage;

/// <summary>Writes revocation records.</summary>
public interface IRevocationStore
{
    /// <summary>
    /// Writes <paramref name="record"/> unless its family is already revoked, in which case the first record stays.
    /// Throws <see cref="RevocationStoreUnavailableException"/> when storage cannot be reached in time.
    /// </summary>
    Task<RevocationOutcome> RevokeAsync(RevocationRecord record, CancellationToken cancellationToken);
}
