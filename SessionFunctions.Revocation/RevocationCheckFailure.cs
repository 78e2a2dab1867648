namespace SessionFunctions.Revocation;

/// <summary>Why a revocation check could not answer.</summary>
public enum RevocationCheckFailure
{
    /// <summary>Any other error storage answered with, or one the check did not expect.</summary>
    Other,

    /// <summary>The table does not exist (404 <c>TableNotFound</c>): a wrong table name, account or endpoint.</summary>
    TableNotFound,

    /// <summary>Storage refused the identity (401/403): a wrong key or SAS, or no Storage Table Data Reader role.</summary>
    AccessDenied,

    /// <summary>Storage kept answering busy or failing (429/5xx) past the retries.</summary>
    StorageBusy,

    /// <summary>No answer within <see cref="RevocationCheckOptions.Timeout"/>, or every try timed out.</summary>
    Timeout,

    /// <summary>Storage could not be reached: refused connections, name resolution, TLS or a broken connection.</summary>
    Unreachable,

    /// <summary>The credential could not get a token for storage (Azure.Identity).</summary>
    CredentialFailed,
}
