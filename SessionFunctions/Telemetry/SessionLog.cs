using Microsoft.Extensions.Logging;

namespace SessionFunctions.Telemetry;

/// <summary>
/// Every log event the app writes, with its id and name: the catalogue an operator queries by (README "Logs").
/// Source-generated, structured, and by construction free of tokens and keys: the only token-derived value logged
/// is the family key, which is a digest. Ids: 1-9 sign-out, 20-29 clean-up, 30-39 SSO.
/// </summary>
internal static partial class SessionLog
{
    private static readonly Func<ILogger, string, IDisposable?> CorrelationScope =
        LoggerMessage.DefineScope<string>("CorrelationId:{CorrelationId}");

    /// <summary>Every line of one sign-out carries its correlation id; a defined scope costs no dictionary per request.</summary>
    public static IDisposable? BeginCorrelationScope(ILogger logger, string correlationId) => CorrelationScope(logger, correlationId);

    [LoggerMessage(EventId = 1, EventName = "SignedOut", Level = LogLevel.Information, Message = "Signed out: family {FamilyKey} {Outcome}, SSO sign-out URL {HasSsoUrl}.")]
    public static partial void SignedOut(ILogger logger, string familyKey, RevocationOutcome outcome, bool hasSsoUrl);

    [LoggerMessage(EventId = 2, EventName = "Refused", Level = LogLevel.Information, Message = "Sign-out refused with {Code}: {Reason}")]
    public static partial void Refused(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = 3, EventName = "StorageUnavailable", Level = LogLevel.Error, Message = "Sign-out could not write the revocation of family {FamilyKey}.")]
    public static partial void StorageUnavailable(ILogger logger, string familyKey, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "UnknownConnector", Level = LogLevel.Warning, Message = "SSO connector {Connector} is not configured; answering without an SSO sign-out URL.")]
    public static partial void UnknownConnector(ILogger logger, string connector);

    [LoggerMessage(EventId = 5, EventName = "Unexpected", Level = LogLevel.Error, Message = "Sign-out failed unexpectedly.")]
    public static partial void Unexpected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "Shed", Level = LogLevel.Warning, Message = "Sign-out shed before reaching storage: {Reason}")]
    public static partial void Shed(ILogger logger, string reason);

    [LoggerMessage(EventId = 20, EventName = "CleanupRan", Level = LogLevel.Information, Message = "Revocation clean-up removed {Removed} expired records in {Pages} pages; stopped at its time budget: {Resumes}.")]
    public static partial void CleanupRan(ILogger logger, long removed, int pages, bool resumes);

    [LoggerMessage(EventId = 30, EventName = "DiscoverySlow", Level = LogLevel.Warning, Message = "SSO connector {Connector}: discovery did not answer within {Wait}; answering without an SSO sign-out URL.")]
    public static partial void DiscoverySlow(ILogger logger, string connector, TimeSpan wait);

    [LoggerMessage(EventId = 31, EventName = "DiscoveryFailed", Level = LogLevel.Warning, Message = "SSO connector {Connector}: discovery failed ({Error}); answering without an SSO sign-out URL.")]
    public static partial void DiscoveryFailed(ILogger logger, string connector, string error);

    [LoggerMessage(EventId = 32, EventName = "NoEndSessionEndpoint", Level = LogLevel.Information, Message = "SSO connector {Connector}: the provider publishes no end_session_endpoint, so there is no SSO sign-out URL.")]
    public static partial void NoEndSessionEndpoint(ILogger logger, string connector);

    [LoggerMessage(EventId = 33, EventName = "NeedsIdTokenHint", Level = LogLevel.Information, Message = "SSO connector {Connector} ({Preset}) cannot end the provider's session without an id_token_hint; answering without an SSO sign-out URL.")]
    public static partial void NeedsIdTokenHint(ILogger logger, string connector, string preset);
}
