namespace SessionFunctions.SignOut;

/// <summary>Why a request was refused: the envelope code, the message for the user, and internal detail for debug mode.</summary>
public sealed record Rejection(int Code, string Message, string Detail)
{
    public static Rejection Because(ApiMessage message, string detail)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Code, message.Text, detail);
    }
}
