using SessionFunctions.Revocation;

namespace SessionFunctions.RevocationStorage;

/// <summary>Writes revocation records.</summary>
public interface IRevocationStore
{
    /// <summary>
    /// Writes <paramref name="record"/> unless its family is already revoked, in which case the first record stays.
    /// Throws <see cref="RevocationStoreUnavailableException"/>, and nothing else, when the write cannot be confirmed:
    /// storage unreachable, slow, refusing or failing, the credential failing, or <paramref name="cancellationToken"/>
    /// (the host's) firing.
    /// </summary>
    Task<RevocationOutcome> RevokeAsync(RevocationRecord record, CancellationToken cancellationToken);
}
