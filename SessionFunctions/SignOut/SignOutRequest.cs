using System.Text.Json.Serialization;
using SessionFunctions.SsoSignOut;

namespace SessionFunctions.SignOut;

/// <summary>
/// The request body: <c>refresh_token</c>, and optionally what the provider's redirect back needs. Unknown properties
/// are ignored, as the contract's schema allows, so clients that send only <c>refresh_token</c> work unchanged.
/// </summary>
public sealed record SignOutRequest(
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("post_logout_redirect_uri")] string? PostLogoutRedirectUri = null,
    [property: JsonPropertyName("state")] string? State = null,
    [property: JsonPropertyName("ui_locales")] string? UiLocales = null)
{
    /// <summary>The optional SSO parameters (empty strings count as absent).</summary>
    public SsoRequest Sso => new(NullIfEmpty(PostLogoutRedirectUri), NullIfEmpty(State), NullIfEmpty(UiLocales));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
