using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>Makes the answers: client-side outcomes are HTTP 200 with the code in the body, as the origin API does.</summary>
public sealed class EnvelopeFactory(IOptions<SignOutOptions> options)
{
    private readonly bool _includeDetail = options.Value.IncludeErrorDetail;
    private readonly int _retryAfterSeconds = options.Value.RetryAfterSeconds;

    public static EnvelopeResult<SuccessEnvelope> Success(string? ssoSignOutUrl, string correlationId) =>
        new(StatusCodes.Status200OK, new SuccessEnvelope(ssoSignOutUrl), SignOutJsonContext.Default.SuccessEnvelope, correlationId);

    public EnvelopeResult<ErrorEnvelope> Refused(Rejection rejection, string correlationId) =>
        Failure(StatusCodes.Status200OK, rejection, correlationId);

    public EnvelopeResult<ErrorEnvelope> StorageUnavailable(string detail, string correlationId) =>
        Failure(
            StatusCodes.Status503ServiceUnavailable,
            new Rejection(ApiCode.StorageUnavailable, "Sign-out could not be recorded; please try again.", detail),
            correlationId,
            _retryAfterSeconds);

    public EnvelopeResult<ErrorEnvelope> InternalError(string detail, string correlationId) =>
        Failure(
            StatusCodes.Status500InternalServerError,
            new Rejection(ApiCode.InternalError, "Sign-out failed; please try again.", detail),
            correlationId);

    private EnvelopeResult<ErrorEnvelope> Failure(int status, Rejection rejection, string correlationId, int? retryAfterSeconds = null) =>
        new(
            status,
            new ErrorEnvelope(rejection.Code, rejection.Message, _includeDetail ? rejection.Detail : null, correlationId),
            SignOutJsonContext.Default.ErrorEnvelope,
            correlationId,
            retryAfterSeconds);
}
