namespace SessionFunctions.Revocation;

/// <summary>
/// A revocation check that could not tell whether a token family is revoked: the table is missing or unreadable,
/// storage is down, busy past the retries, or did not answer in time. The caller must refuse the refresh (the client
/// retries later); it must never treat this as "not revoked". The cause is in <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class RevocationCheckFailedException : Exception
{
    /// <summary>A check failure for <paramref name="tableName"/>; the message names the table and the likely fix.</summary>
    public RevocationCheckFailedException(string tableName, RevocationCheckFailure reason, Exception? innerException)
        : base(Describe(tableName, reason), innerException)
    {
        TableName = tableName;
        Reason = reason;
    }

    /// <summary>The table the check read.</summary>
    public string TableName { get; }

    /// <summary>Why the check could not answer.</summary>
    public RevocationCheckFailure Reason { get; }

    private static string Describe(string table, RevocationCheckFailure reason) => reason switch
    {
        RevocationCheckFailure.TableNotFound =>
            $"The revocation check could not read table '{table}': the table does not exist. Check the table name and the storage account or endpoint; they must be the ones the sign-out function writes.",
        RevocationCheckFailure.AccessDenied =>
            $"The revocation check could not read table '{table}': storage refused the identity. Give it the Storage Table Data Reader role on the table or account, or check the account key or SAS.",
        RevocationCheckFailure.StorageBusy =>
            $"The revocation check could not read table '{table}': storage stayed busy or failing past the retries. Refuse the refresh; the client retries.",
        RevocationCheckFailure.Timeout =>
            $"The revocation check could not read table '{table}' in time. Storage may be down or overloaded, or the endpoint may be wrong.",
        RevocationCheckFailure.Unreachable =>
            $"The revocation check could not reach the storage account of table '{table}'. Check the endpoint or connection string, the network path, and whether storage is down.",
        RevocationCheckFailure.CredentialFailed =>
            $"The revocation check could not read table '{table}': the credential could not get a token for storage. Check the identity's configuration.",
        _ =>
            $"The revocation check could not read table '{table}'. See the inner exception.",
    };
}
