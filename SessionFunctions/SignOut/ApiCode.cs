using Microsoft.AspNetCore.Http;

namespace SessionFunctions.SignOut;

/// <summary>
/// Envelope codes. They are the origin API's (Cloudreve v4 <c>pkg/serializer/error.go</c>) so its clients work
/// unchanged: its web client reads <c>code</c>, and sends the user to sign-in on 40020.
/// </summary>
public static class ApiCode
{
    public const int Success = 0;

    /// <summary>The request body is not what the contract asks for (HTTP 200).</summary>
    public const int ParameterError = 40001;

    /// <summary>The refresh token is not one this service issued, or not a refresh token (HTTP 200).</summary>
    public const int CredentialInvalid = 40020;

    /// <summary>The revocation could not be written: storage unavailable or too slow (HTTP 503).</summary>
    public const int StorageUnavailable = 50001;

    /// <summary>A fault in this service that no input should cause (HTTP 500).</summary>
    public const int InternalError = 50005;

    /// <summary>
    /// The HTTP status each code is answered with: client-side outcomes are 200 with the code in the body, as the
    /// origin API answers them; only the service's own faults change the status.
    /// </summary>
    public static int HttpStatus(int code) => code switch
    {
        StorageUnavailable => StatusCodes.Status503ServiceUnavailable,
        InternalError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status200OK,
    };
}
