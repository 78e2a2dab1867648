namespace SessionFunctions.SsoSignOut;

/// <summary>The providers operators connect, each with what its sign-out endpoint takes.</summary>
public static class SsoPresets
{
    private const string PostLogoutRedirectUri = "post_logout_redirect_uri";

    /// <summary>Presets by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, SsoPreset> All { get; } = new[]
    {
        // OpenID Connect RP-Initiated Logout 1.0: end_session_endpoint from discovery.
        new SsoPreset("generic", null, "client_id", PostLogoutRedirectUri, SupportsState: true, SupportsUiLocales: true),
        new SsoPreset("logto", null, "client_id", PostLogoutRedirectUri, SupportsState: true, SupportsUiLocales: true),
        // Microsoft Entra ID v2.0: /oauth2/v2.0/logout from discovery; no client_id or state on sign-out.
        new SsoPreset("entra", null, null, PostLogoutRedirectUri, SupportsState: false, SupportsUiLocales: false),
        // Azure AD B2C: the policy is part of the authority, so discovery yields the policy's logout endpoint.
        new SsoPreset("azureadb2c", null, null, PostLogoutRedirectUri, SupportsState: true, SupportsUiLocales: false),
        // Auth0's own logout (not OIDC): /v2/logout with client_id and returnTo.
        new SsoPreset("auth0", "/v2/logout", "client_id", "returnTo", SupportsState: false, SupportsUiLocales: false, RequiresClientId: true),
        // Okta's /v1/logout requires id_token_hint: without one it shows an error instead of ending the session.
        new SsoPreset("okta", null, "client_id", PostLogoutRedirectUri, SupportsState: true, SupportsUiLocales: false, EndsSessionWithoutIdTokenHint: false),
        // Keycloak 19+: client_id + post_logout_redirect_uri without id_token_hint (the user confirms on Keycloak's page).
        new SsoPreset("keycloak", null, "client_id", PostLogoutRedirectUri, SupportsState: true, SupportsUiLocales: true),
        // Amazon Cognito managed login: /logout with client_id and logout_uri (an allowed sign-out URL), no discovery.
        new SsoPreset("cognito", "/logout", "client_id", "logout_uri", SupportsState: false, SupportsUiLocales: false, RequiresClientId: true, RequiresRedirect: true),
        // Google publishes no end_session_endpoint: there is no URL to give, by design.
        new SsoPreset("google", null, null, PostLogoutRedirectUri, SupportsState: false, SupportsUiLocales: false, PublishesEndSession: false),
    }.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public static SsoPreset Generic => All["generic"];
}
