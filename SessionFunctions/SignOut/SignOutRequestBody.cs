using System.Text.Json.Serialization;

namespace SessionFunctions.SignOut;

/// <summary>
/// The request body as JSON has it: <c>refresh_token</c>, and optionally what the provider's redirect back needs.
/// Unknown properties are ignored, as the contract's schema allows, so clients that send only <c>refresh_token</c>
/// work unchanged. <see cref="SignOutRequestReader"/> turns it into a <see cref="SignOutRequest"/>.
/// </summary>
public sealed record SignOutRequestBody(
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("post_logout_redirect_uri")] string? PostLogoutRedirectUri = null,
    [property: JsonPropertyName("state")] string? State = null,
    [property: JsonPropertyName("ui_locales")] string? UiLocales = null);
