using Microsoft.Extensions.Logging;

namespace SessionFunctions.Telemetry;

/// <summary>
/// Every log event the app writes, with its id and name: the catalogue an operator queries by (docs/operations.md,
/// "Logs").
/// Source-generated, structured, and by construction free of tokens and keys: the only token-derived value logged
/// is the family key, which is a digest.
/// </summary>
internal static partial class SessionLog
{
    private static readonly Func<ILogger, string, IDisposable?> CorrelationScope =
        LoggerMessage.DefineScope<string>("CorrelationId:{CorrelationId}");

    /// <summary>Every line of one sign-out carries its correlation id; a defined scope costs no dictionary per request.</summary>
    public static IDisposable? BeginCorrelationScope(ILogger logger, string correlationId) => CorrelationScope(logger, correlationId);

    // Sign-out, 1-9: one outcome line per request (1 or 2), or the fault that stopped it. The outcome lines are Debug:
    // on the Functions host every record crosses to the host and is a billed trace, and the durable record, the
    // requests metric and the host's request telemetry already say how many, which outcome and when. Faults that
    // need an operator stay Warning or Error.
    /// <summary>A sign-out succeeded: the family is revoked, now or before.</summary>
    [LoggerMessage(EventId = 1, EventName = "SignedOut", Level = LogLevel.Debug, Message = "Signed out: family {FamilyKey} {Outcome}, SSO sign-out URL {HasSsoUrl}.")]
    public static partial void SignedOut(ILogger logger, string familyKey, RevocationOutcome outcome, bool hasSsoUrl);

    /// <summary>A request was refused with 40001 or 40020; nothing was written. Debug: junk must not buy log volume.</summary>
    [LoggerMessage(EventId = 2, EventName = "Refused", Level = LogLevel.Debug, Message = "Sign-out refused with {Code}: {Reason}")]
    public static partial void Refused(ILogger logger, int code, string reason);

    /// <summary>The record could not be written (answered 50001), with the storage exception.</summary>
    [LoggerMessage(EventId = 3, EventName = "StorageUnavailable", Level = LogLevel.Warning, Message = "Sign-out could not write the revocation of family {FamilyKey}.")]
    public static partial void StorageUnavailable(ILogger logger, string familyKey, Exception exception);

    /// <summary>A token names a connector the settings do not have (a configuration drift between issuer and this app).</summary>
    [LoggerMessage(EventId = 4, EventName = "UnknownConnector", Level = LogLevel.Warning, Message = "SSO connector {Connector} is not configured; answering without an SSO sign-out URL.")]
    public static partial void UnknownConnector(ILogger logger, string connector);

    /// <summary>A fault no input should cause (answered 50005).</summary>
    [LoggerMessage(EventId = 5, EventName = "Unexpected", Level = LogLevel.Error, Message = "Sign-out failed unexpectedly.")]
    public static partial void Unexpected(ILogger logger, Exception exception);

    /// <summary>The write limiter shed the request before it reached storage (answered 50001).</summary>
    [LoggerMessage(EventId = 6, EventName = "Shed", Level = LogLevel.Warning, Message = "Sign-out shed before reaching storage: {Reason}")]
    public static partial void Shed(ILogger logger, string reason);

    /// <summary>
    /// The host cancelled the invocation before anything was written: it is stopping, or (on current hosts) the caller
    /// hung up. Neither is a storage problem, and the answer (50001) most likely reaches nobody.
    /// </summary>
    [LoggerMessage(EventId = 7, EventName = "Cancelled", Level = LogLevel.Debug, Message = "Sign-out cancelled by the host before anything was written.")]
    public static partial void Cancelled(ILogger logger);

    // Clean-up, 20-29.
    /// <summary>A clean-up run finished, within its budget or stopped by it.</summary>
    [LoggerMessage(EventId = 20, EventName = "CleanupRan", Level = LogLevel.Information, Message = "Revocation clean-up removed {Removed} expired records in {Pages} pages; stopped at its time budget: {Resumes}.")]
    public static partial void CleanupRan(ILogger logger, long removed, int pages, bool resumes);

    // SSO, 30-39 (4, unknown connector, predates the ranges): why an answer carries no SSO sign-out URL. Discovery
    // faults and a connector the settings lack are Warnings; 32 and 33 are Debug because they repeat on every
    // sign-out of a connector whose provider, by its documented design, offers no URL (Google, Okta), a choice the
    // settings made and start-up validated, not a fault.
    /// <summary>Discovery did not answer within the wait; the answer goes out without a URL and discovery goes on.</summary>
    [LoggerMessage(EventId = 30, EventName = "DiscoverySlow", Level = LogLevel.Warning, Message = "SSO connector {Connector}: discovery did not answer within {Wait}; answering without an SSO sign-out URL.")]
    public static partial void DiscoverySlow(ILogger logger, string connector, TimeSpan wait);

    /// <summary>Discovery failed; retried on a later sign-out.</summary>
    [LoggerMessage(EventId = 31, EventName = "DiscoveryFailed", Level = LogLevel.Warning, Message = "SSO connector {Connector}: discovery failed ({Error}); answering without an SSO sign-out URL.")]
    public static partial void DiscoveryFailed(ILogger logger, string connector, string error);

    /// <summary>The provider publishes no end_session_endpoint.</summary>
    [LoggerMessage(EventId = 32, EventName = "NoEndSessionEndpoint", Level = LogLevel.Debug, Message = "SSO connector {Connector}: the provider publishes no end_session_endpoint, so there is no SSO sign-out URL.")]
    public static partial void NoEndSessionEndpoint(ILogger logger, string connector);

    /// <summary>The preset's provider needs an id_token_hint, which a sign-out does not have.</summary>
    [LoggerMessage(EventId = 33, EventName = "NeedsIdTokenHint", Level = LogLevel.Debug, Message = "SSO connector {Connector} ({Preset}) cannot end the provider's session without an id_token_hint; answering without an SSO sign-out URL.")]
    public static partial void NeedsIdTokenHint(ILogger logger, string connector, string preset);
}
