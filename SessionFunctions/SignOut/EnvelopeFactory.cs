using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>Makes the answers: every outcome is HTTP 200 with the code in the body, as the origin API does.</summary>
public sealed class EnvelopeFactory(IOptions<SignOutOptions> options)
{
    private readonly bool _includeDetail = options.Value.IncludeErrorDetail;
    private readonly int _retryAfterSeconds = options.Value.RetryAfterSeconds;

    public static EnvelopeResult<SuccessEnvelope> Success(string? ssoSignOutUrl, string correlationId) =>
        new(new SuccessEnvelope(ssoSignOutUrl), SignOutJsonContext.Default.SuccessEnvelope, correlationId);

    public EnvelopeResult<ErrorEnvelope> Refused(Rejection rejection, string correlationId) =>
        Failure(rejection, correlationId);

    public EnvelopeResult<ErrorEnvelope> StorageUnavailable(string detail, string correlationId) =>
        Failure(
            new Rejection(ApiMessages.StorageUnavailable, detail),
            correlationId,
            _retryAfterSeconds);

    public EnvelopeResult<ErrorEnvelope> InternalError(string detail, string correlationId) =>
        Failure(
            new Rejection(ApiMessages.InternalError, detail),
            correlationId);

    private EnvelopeResult<ErrorEnvelope> Failure(Rejection rejection, string correlationId, int? retryAfterSeconds = null) =>
        new(
            new ErrorEnvelope(rejection.Code, rejection.Message.Text, _includeDetail ? rejection.Detail : null, correlationId),
            SignOutJsonContext.Default.ErrorEnvelope,
            correlationId,
            retryAfterSeconds);
}
