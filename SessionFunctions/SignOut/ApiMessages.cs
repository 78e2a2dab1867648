using SessionFunctions.SsoSignOut;

namespace SessionFunctions.SignOut;

/// <summary>
/// Every <c>msg</c> the service answers with, beside the <see cref="ApiCode"/> it comes with: the one place a
/// user-facing text is written. The README's message table lists the same rows, and a test holds the two together.
/// </summary>
public static class ApiMessages
{
    /// <summary>Stands for the JSON property a templated message names.</summary>
    public const string FieldPlaceholder = "{field}";

    public const string BodyTooLarge = "The request body is too large.";
    public const string BodyTooSlow = "The request body was not received in time.";
    public const string BodyEmpty = "The request body is empty; send {\"refresh_token\": \"...\"}.";
    public const string BodyNotObject = "The request body must be a JSON object.";
    public const string RefreshTokenRequired = "refresh_token is required.";
    public const string FieldNotString = FieldPlaceholder + " must be a string.";
    public const string FieldDuplicated = FieldPlaceholder + " must appear only once.";
    public static readonly string StateMalformed = $"state must be at most {SsoSignOutUrlResolver.MaxStateLength} printable characters.";
    public const string UiLocalesMalformed = "ui_locales must be space-separated language tags, e.g. \"en-US fr\".";
    public const string RedirectNotAbsolute = "post_logout_redirect_uri must be an absolute URL.";
    public const string RedirectNotAllowed = "post_logout_redirect_uri is not allowed for this SSO connector.";

    public const string TokenUnreadable = "The refresh token is not a valid token.";
    public const string TokenAlgorithmNotAllowed = "The refresh token's signing algorithm is not allowed.";
    public const string TokenSignatureInvalid = "The refresh token's signature is invalid.";
    public const string TokenKeyUnknown = "The refresh token was signed with an unknown key.";
    public const string TokenNotYetValid = "The refresh token is not valid yet.";
    public const string TokenCriticalHeader = "The refresh token uses an unsupported critical header.";
    public const string TokenNotRefresh = "The token is not a refresh token.";
    public const string TokenNoSubject = "The refresh token has no subject.";
    public const string TokenFamilyInvalid = "The refresh token's family id is invalid.";
    public const string TokenConnectorInvalid = "The refresh token's SSO connector is invalid.";

    public const string StorageUnavailable = "Sign-out could not be recorded; please try again.";
    public const string InternalError = "Sign-out failed; please try again.";

    /// <summary>The table: every message (templates with <see cref="FieldPlaceholder"/>) with its code.</summary>
    public static IReadOnlyList<(int Code, string Message)> All { get; } =
    [
        (ApiCode.ParameterError, BodyTooLarge),
        (ApiCode.ParameterError, BodyTooSlow),
        (ApiCode.ParameterError, BodyEmpty),
        (ApiCode.ParameterError, BodyNotObject),
        (ApiCode.ParameterError, RefreshTokenRequired),
        (ApiCode.ParameterError, FieldNotString),
        (ApiCode.ParameterError, FieldDuplicated),
        (ApiCode.ParameterError, StateMalformed),
        (ApiCode.ParameterError, UiLocalesMalformed),
        (ApiCode.ParameterError, RedirectNotAbsolute),
        (ApiCode.ParameterError, RedirectNotAllowed),
        (ApiCode.CredentialInvalid, TokenUnreadable),
        (ApiCode.CredentialInvalid, TokenAlgorithmNotAllowed),
        (ApiCode.CredentialInvalid, TokenSignatureInvalid),
        (ApiCode.CredentialInvalid, TokenKeyUnknown),
        (ApiCode.CredentialInvalid, TokenNotYetValid),
        (ApiCode.CredentialInvalid, TokenCriticalHeader),
        (ApiCode.CredentialInvalid, TokenNotRefresh),
        (ApiCode.CredentialInvalid, TokenNoSubject),
        (ApiCode.CredentialInvalid, TokenFamilyInvalid),
        (ApiCode.CredentialInvalid, TokenConnectorInvalid),
        (ApiCode.StorageUnavailable, StorageUnavailable),
        (ApiCode.InternalError, InternalError),
    ];

    /// <summary>A templated message for one property, e.g. <c>state must be a string.</c></summary>
    public static string ForField(string template, string field) => template.Replace(FieldPlaceholder, field, StringComparison.Ordinal);
}
