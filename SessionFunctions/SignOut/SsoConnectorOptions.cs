namespace SessionFunctions.SignOut;

/// <summary>One SSO connector: where its sign-out ends the provider's session (OIDC RP-Initiated Logout).</summary>
public sealed class SsoConnectorOptions
{
    /// <summary>The provider's end-session endpoint, e.g. <c>https://tenant.logto.app/oidc/session/end</c>.</summary>
    public Uri? EndSessionEndpoint { get; init; }

    /// <summary>Sent as <c>client_id</c> when set.</summary>
    public string? ClientId { get; init; }

    /// <summary>Sent as <c>post_logout_redirect_uri</c> when set: where the provider sends the user back.</summary>
    public Uri? PostLogoutRedirectUri { get; init; }

    /// <summary>An app setting that exists but is empty binds to an empty relative URI: that means "not set".</summary>
    public static bool IsUnset([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] Uri? value) => value is null || value.OriginalString.Length == 0;
}
