using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SessionFunctions.SsoSignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.SignOut;

/// <summary>
/// <c>DELETE /session/token</c>: revokes the refresh token's whole family and answers with the provider's
/// sign-out URL when the session came from an SSO connector. Anonymous, like the origin API: holding a genuine
/// refresh token is the only credential, and it can only revoke its own family. Every outcome is HTTP 200 with the
/// code in the body, as the origin API answers: its web client rejects any other status before reading the body.
/// </summary>
/// <remarks>
/// The <c>cancellationToken</c> of <see cref="RunAsync"/> is the host's: it fires when the host stops (shutdown,
/// scale-in) and, on current hosts, when the caller hangs up. It may stop the body read (answered 50001 with
/// <c>Retry-After</c>, counted <c>cancelled</c>, nothing written) but never the write: a sign-out whose body arrived
/// is recorded, bounded by <c>Revocation__MaxQueueWait</c> and <c>Revocation__StorageTimeout</c>, whoever is still listening.
/// </remarks>
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
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested || request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Cancelled before the write (the write itself is never cancelled): nothing was written, the client may
            // retry. A caller hanging up looks the same as a host stopping, so this is no fault to warn about.
            SessionLog.Cancelled(logger);
            metrics.SignOut(SessionMetrics.OutcomeCancelled, ApiCode.StorageUnavailable);
            return envelopes.StorageUnavailable(exception.GetType().Name, correlationId);
        }
        catch (Exception exception)
        {
            // Never rethrown: anything that escapes here would reach the client as a bare HTTP 500.
            SessionLog.Unexpected(logger, exception);
            metrics.SignOut(SessionMetrics.OutcomeError, ApiCode.InternalError);
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
            // Not the invocation's token: the host cancels it when the caller hangs up too, and a caller who sent a
            // genuine token and left must still be signed out. The store bounds it by MaxQueueWait and StorageTimeout.
            outcome = await store.RevokeAsync(records.Create(token, correlationId), CancellationToken.None).ConfigureAwait(false);
        }
        catch (RevocationWriteShedException exception)
        {
            SessionLog.Shed(logger, exception.Message);
            metrics.SignOut(SessionMetrics.OutcomeShed, ApiCode.StorageUnavailable);
            return envelopes.StorageUnavailable(exception.Message, correlationId);
        }
        catch (RevocationStoreUnavailableException exception)
        {
            SessionLog.StorageUnavailable(logger, token.FamilyKey, exception);
            metrics.SignOut(SessionMetrics.OutcomeStorageUnavailable, ApiCode.StorageUnavailable);
            return envelopes.StorageUnavailable(exception.Message, correlationId);
        }

        // Resolved only after the record is written: nothing about SSO can stop or undo the revocation. A cancelled
        // wait (the caller left, or the host is stopping) answers without a URL and is not counted as a missing one.
        string? ssoUrl = null;
        var ssoWaitCancelled = false;
        try
        {
            ssoUrl = await sso.ResolveAsync(token.Connector, ssoRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ssoWaitCancelled = true;
        }
        catch (Exception exception)
        {
            // The resolver answers null for every provider fault it knows; anything else must not turn a recorded
            // sign-out into a failure either.
            SessionLog.DiscoveryFailed(logger, sso.ConnectorId(token.Connector) ?? string.Empty, exception.GetType().Name);
        }

        SessionLog.SignedOut(logger, token.FamilyKey, outcome, ssoUrl is not null);
        metrics.SignOut(outcome == RevocationOutcome.Revoked ? SessionMetrics.OutcomeRevoked : SessionMetrics.OutcomeAlreadyRevoked, ApiCode.Success);
        if (!ssoWaitCancelled)
        {
            metrics.SsoUrl(ssoUrl is not null);
        }

        return EnvelopeFactory.Success(ssoUrl, correlationId);
    }

    private EnvelopeResult<ErrorEnvelope> Refuse(Rejection rejection, string correlationId)
    {
        SessionLog.Refused(logger, rejection.Code, rejection.Message.Text);
        metrics.SignOut(SessionMetrics.OutcomeRefused, rejection.Code);
        return envelopes.Refused(rejection, correlationId);
    }
}
