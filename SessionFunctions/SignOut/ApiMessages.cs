using SessionFunctions.SsoSignOut;

namespace SessionFunctions.SignOut;

/// <summary>
/// Every <c>msg</c> the service answers with, each with the <see cref="ApiCode"/> it comes with: the one place a
/// user-facing text is written, so a refusal cannot pair a message with the wrong code. The README's message table
/// lists the same rows, in this order, and a test holds the two together.
/// </summary>
public static class ApiMessages
{
    /// <summary>Stands for the JSON property a templated message names (<see cref="ApiMessage.ForField"/>).</summary>
    public const string FieldPlaceholder = "{field}";

    public static readonly ApiMessage BodyTooLarge = new(ApiCode.ParameterError, "The request body is too large.");
    public static readonly ApiMessage BodyTooSlow = new(ApiCode.ParameterError, "The request body was not received in time.");
    public static readonly ApiMessage BodyUnreadable = new(ApiCode.ParameterError, "The request body could not be read to its end.");
    public static readonly ApiMessage BodyEmpty = new(ApiCode.ParameterError, "The request body is empty; send {\"refresh_token\": \"...\"}.");
    public static readonly ApiMessage BodyNotObject = new(ApiCode.ParameterError, "The request body must be a JSON object.");
    public static readonly ApiMessage RefreshTokenRequired = new(ApiCode.ParameterError, "refresh_token is required.");
    public static readonly ApiMessage FieldNotString = new(ApiCode.ParameterError, FieldPlaceholder + " must be a string.");
    public static readonly ApiMessage FieldDuplicated = new(ApiCode.ParameterError, FieldPlaceholder + " must appear only once.");
    public static readonly ApiMessage StateMalformed = new(ApiCode.ParameterError, $"state must be at most {SsoSignOutUrlResolver.MaxStateLength} printable characters.");
    public static readonly ApiMessage UiLocalesMalformed = new(ApiCode.ParameterError, "ui_locales must be space-separated language tags, e.g. \"en-US fr\".");
    public static readonly ApiMessage RedirectNotAbsolute = new(ApiCode.ParameterError, "post_logout_redirect_uri must be an absolute URL.");
    public static readonly ApiMessage RedirectNotAllowed = new(ApiCode.ParameterError, "post_logout_redirect_uri is not allowed for this SSO connector.");

    public static readonly ApiMessage TokenUnreadable = new(ApiCode.CredentialInvalid, "The refresh token is not a valid token.");
    public static readonly ApiMessage TokenAlgorithmNotAllowed = new(ApiCode.CredentialInvalid, "The refresh token's signing algorithm is not allowed.");
    public static readonly ApiMessage TokenSignatureInvalid = new(ApiCode.CredentialInvalid, "The refresh token's signature is invalid.");
    public static readonly ApiMessage TokenKeyUnknown = new(ApiCode.CredentialInvalid, "The refresh token was signed with an unknown key.");
    public static readonly ApiMessage TokenNotYetValid = new(ApiCode.CredentialInvalid, "The refresh token is not valid yet.");
    public static readonly ApiMessage TokenCriticalHeader = new(ApiCode.CredentialInvalid, "The refresh token uses an unsupported critical header.");
    public static readonly ApiMessage TokenNotRefresh = new(ApiCode.CredentialInvalid, "The token is not a refresh token.");
    public static readonly ApiMessage TokenNoSubject = new(ApiCode.CredentialInvalid, "The refresh token has no subject.");
    public static readonly ApiMessage TokenFamilyInvalid = new(ApiCode.CredentialInvalid, "The refresh token's family id is invalid.");
    public static readonly ApiMessage TokenConnectorInvalid = new(ApiCode.CredentialInvalid, "The refresh token's SSO connector is invalid.");

    public static readonly ApiMessage StorageUnavailable = new(ApiCode.StorageUnavailable, "Sign-out could not be recorded; please try again.");
    public static readonly ApiMessage InternalError = new(ApiCode.InternalError, "Sign-out failed; please try again.");
}
