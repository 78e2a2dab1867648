namespace SessionFunctions.RevocationStorage;

/// <summary>Storage did not confirm the write in time, so sign-out must not claim success.</summary>
public class RevocationStoreUnavailableException : Exception
{
    public RevocationStoreUnavailableException()
    {
    }

    public RevocationStoreUnavailableException(string message)
        : base(message)
    {
    }

    public RevocationStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
