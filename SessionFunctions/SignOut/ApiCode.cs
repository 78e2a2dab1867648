namespace SessionFunctions.SignOut;

/// <summary>
/// Envelope codes. They are the origin API's (Cloudreve v4 <c>pkg/serializer/error.go</c>) so its clients work
/// unchanged: its web client reads <c>code</c>, and sends the user to sign-in on 40020. Every code is answered with
/// HTTP 200, as the origin answers them: that client rejects any other status before it reads the body, so a
/// 503 or 500 would hide <c>msg</c> and the correlation id from the user.
/// </summary>
public static class ApiCode
{
    public const int Success = 0;

    /// <summary>The request body is not what the contract asks for.</summary>
    public const int ParameterError = 40001;

    /// <summary>The refresh token is not one this service issued, or not a refresh token.</summary>
    public const int CredentialInvalid = 40020;

    /// <summary>
    /// The revocation could not be written: storage unavailable, too slow or failing, the write shed, or the host
    /// stopping the invocation. Answered with <c>Retry-After</c>.
    /// </summary>
    public const int StorageUnavailable = 50001;

    /// <summary>A fault in this service that no input should cause.</summary>
    public const int InternalError = 50005;
}
