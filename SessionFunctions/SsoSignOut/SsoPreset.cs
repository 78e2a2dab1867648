namespace SessionFunctions.SsoSignOut;

/// <summary>
/// What one identity provider needs to end its session from a browser redirect: where the endpoint comes from and
/// which query parameters it takes. docs/identity-providers.md, "Connecting your identity provider", cites each
/// provider's documentation.
/// </summary>
/// <param name="Name">The value of <c>Sso__Connectors__&lt;id&gt;__Preset</c>.</param>
/// <param name="EndpointPath">For providers without discovery: the path appended to <c>Authority</c>.</param>
/// <param name="ClientIdParameter">Query parameter for the client id, or null when the provider takes none.</param>
/// <param name="RedirectParameter">Query parameter for where the provider sends the user back.</param>
/// <param name="SupportsState">Whether the provider hands <c>state</c> back on the redirect.</param>
/// <param name="SupportsUiLocales">Whether the provider takes <c>ui_locales</c> for its sign-out pages.</param>
/// <param name="EndsSessionWithoutIdTokenHint">
/// False for providers that refuse RP-initiated logout without an <c>id_token_hint</c>, which a refresh token cannot
/// supply: for them no URL is returned rather than one that shows an error.
/// </param>
/// <param name="RequiresClientId">Whether <c>ClientId</c> must be configured.</param>
/// <param name="RequiresRedirect">Whether a post-logout redirect must be configured.</param>
/// <param name="PublishesEndSession">False for providers with no sign-out endpoint at all: nothing to configure, no URL.</param>
public sealed record SsoPreset(
    string Name,
    string? EndpointPath,
    string? ClientIdParameter,
    string RedirectParameter,
    bool SupportsState,
    bool SupportsUiLocales,
    bool EndsSessionWithoutIdTokenHint = true,
    bool RequiresClientId = false,
    bool RequiresRedirect = false,
    bool PublishesEndSession = true)
{
    /// <summary>Whether the endpoint is read from the provider's OpenID configuration (when not set explicitly).</summary>
    public bool UsesDiscovery => EndpointPath is null;
}
