namespace SessionFunctions.SignOut;

/// <summary>
/// Why a request was refused: one of <see cref="ApiMessages"/> (the user's message and its code), and internal
/// detail for debug mode. Only a message from the table can be sent.
/// </summary>
public sealed record Rejection(ApiMessage Message, string Detail)
{
    public int Code => Message.Code;
}
