namespace SessionFunctions.RevocationStorage;

/// <summary>
/// The write was not sent: this instance already had as many writes in flight and waiting as it allows. Storage was
/// not touched, so the client may simply try again after <c>Retry-After</c>.
/// </summary>
public sealed class RevocationWriteShedException : RevocationStoreUnavailableException
{
    public RevocationWriteShedException()
    {
    }

    public RevocationWriteShedException(string message)
        : base(message)
    {
    }

    public RevocationWriteShedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
