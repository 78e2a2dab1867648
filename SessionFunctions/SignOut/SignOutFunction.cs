using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SessionFunctions.SsoSignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.SignOut;

/// <summary>
/// <c>DELETE /session/token</c>: revokes the refresh token's whole family and answers with the provider's
/// sign-out URL when the session came from an SSO connector. Anonymous, like the origin API: holding a genuine
/// refresh token is the only credential, and it can only revoke its own family.
/// </summary>
public sealed class SignOutFunction(
    SignOutRequestReader reader,
    RefreshTokenValidator validator,
    RevocationRecordFactory records,
    IRevocationStore store,
    SsoSignOutUrlResolver sso,
    EnvelopeFactory envelopes,
    SessionMetrics metrics,
    ILogger<SignOutFunction> logger)
{
    [Function("SignOut")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "session/token")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var correlationId = CorrelationId.From(request);
        using var scope = SessionLog.BeginCorrelationScope(logger, correlationId);
        try
        {
            return await SignOutAsync(request, correlationId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SessionLog.Unexpected(logger, exception);
            metrics.SignOut("error", ApiCode.InternalError);
            return envelopes.InternalError(exception.GetType().Name, correlationId);
        }
    }

    private async Task<IActionResult> SignOutAsync(HttpRequest request, string correlationId, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsAccepted)
        {
            return Refuse(body.Rejection, correlationId);
        }

        var checkedToken = await validator.ValidateAsync(body.Value.RefreshToken).ConfigureAwait(false);
        if (!checkedToken.IsAccepted)
        {
            return Refuse(checkedToken.Rejection, correlationId);
        }

        // The client's SSO parameters are checked before anything is written: a refused request changes nothing.
        var token = checkedToken.Value;
        var ssoRequest = body.Value.Sso;
        if (sso.Check(token.Connector, ssoRequest) is { } badSsoRequest)
        {
            return Refuse(badSsoRequest, correlationId);
        }

        RevocationOutcome outcome;
        try
        {
            outcome = await store.RevokeAsync(records.Create(token, correlationId), cancellationToken).ConfigureAwait(false);
        }
        catch (RevocationWriteShedException exception)
        {
            SessionLog.Shed(logger, exception.Message);
            metrics.SignOut("shed", ApiCode.StorageUnavailable);
            return envelopes.StorageUnavailable(exception.Message, correlationId);
        }
        catch (RevocationStoreUnavailableException exception)
        {
            SessionLog.StorageUnavailable(logger, token.FamilyKey, exception);
            metrics.SignOut("storage_unavailable", ApiCode.StorageUnavailable);
            return envelopes.StorageUnavailable(exception.Message, correlationId);
        }

        // Resolved only after the record is written: nothing about SSO can stop or undo the revocation.
        var ssoUrl = await sso.ResolveAsync(token.Connector, ssoRequest, cancellationToken).ConfigureAwait(false);
        SessionLog.SignedOut(logger, token.FamilyKey, outcome, ssoUrl is not null);
        metrics.SignOut(outcome == RevocationOutcome.Revoked ? "revoked" : "already_revoked", ApiCode.Success);
        metrics.SsoUrl(ssoUrl is not null);
        return EnvelopeFactory.Success(ssoUrl, correlationId);
    }

    private EnvelopeResult<ErrorEnvelope> Refuse(Rejection rejection, string correlationId)
    {
        SessionLog.Refused(logger, rejection.Code, rejection.Message.Text);
        metrics.SignOut("refused", rejection.Code);
        return envelopes.Refused(rejection, correlationId);
    }
}
