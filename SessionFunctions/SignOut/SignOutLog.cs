using Microsoft.Extensions.Logging;

namespace SessionFunctions.SignOut;

/// <summary>
/// Every log line sign-out writes. Source-generated, structured, and by construction free of tokens and keys:
/// the only token-derived value logged is the family key, which is a digest.
/// </summary>
internal static partial class SignOutLog
{
    private static readonly Func<ILogger, string, IDisposable?> CorrelationScope =
        LoggerMessage.DefineScope<string>("CorrelationId:{CorrelationId}");

    /// <summary>Every line of one sign-out carries its correlation id; a defined scope costs no dictionary per request.</summary>
    public static IDisposable? BeginCorrelationScope(ILogger logger, string correlationId) => CorrelationScope(logger, correlationId);

    [LoggerMessage(1, LogLevel.Information, "Signed out: family {FamilyKey} {Outcome}, SSO sign-out URL {HasSsoUrl}.")]
    public static partial void SignedOut(ILogger logger, string familyKey, RevocationOutcome outcome, bool hasSsoUrl);

    [LoggerMessage(2, LogLevel.Information, "Sign-out refused with {Code}: {Reason}")]
    public static partial void Refused(ILogger logger, int code, string reason);

    [LoggerMessage(3, LogLevel.Error, "Sign-out could not write the revocation of family {FamilyKey}.")]
    public static partial void StorageUnavailable(ILogger logger, string familyKey, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Sign-out shed before reaching storage: {Reason}")]
    public static partial void Shed(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Error, "Sign-out failed unexpectedly.")]
    public static partial void Unexpected(ILogger logger, Exception exception);
}
