namespace SessionFunctions.SignOut;

/// <summary>Why a request was refused: the envelope code, the message for the user, and internal detail for debug mode.</summary>
public sealed record Rejection(int Code, string Message, string Detail)
{
    /// <summary>40001: the body is not what the contract asks for. <paramref name="message"/> is one of <see cref="ApiMessages"/>.</summary>
    public static Rejection BadParameter(string message, string detail) => new(ApiCode.ParameterError, message, detail);

    /// <summary>40020: the refresh token is not one this service accepts. <paramref name="message"/> is one of <see cref="ApiMessages"/>.</summary>
    public static Rejection BadCredential(string message, string detail) => new(ApiCode.CredentialInvalid, message, detail);
}
