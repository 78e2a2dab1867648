using System.Diagnostics.CodeAnalysis;

namespace SessionFunctions.SsoSignOut;

/// <summary>One SSO connector: how to send the user to its provider's sign-out (see <see cref="SsoPresets"/>).</summary>
public sealed class SsoConnectorOptions
{
    /// <summary>The provider preset (<see cref="SsoPresets.All"/>); <c>generic</c> when empty.</summary>
    public string? Preset { get; init; }

    /// <summary>
    /// The issuer whose <c>/.well-known/openid-configuration</c> names the end-session endpoint, or for presets
    /// without discovery (Auth0, Cognito) the base URL of the provider's domain.
    /// </summary>
    public Uri? Authority { get; init; }

    /// <summary>The provider's end-session endpoint, when set explicitly (no discovery).</summary>
    public Uri? EndSessionEndpoint { get; init; }

    /// <summary>Sent in the preset's client id parameter when set.</summary>
    public string? ClientId { get; init; }

    /// <summary>Where the provider sends the user back when the client names no other.</summary>
    public Uri? PostLogoutRedirectUri { get; init; }

    /// <summary>Other redirects a client may ask for in <c>post_logout_redirect_uri</c>; anything else is refused.</summary>
    public List<Uri> AllowedPostLogoutRedirectUris { get; init; } = [];

    /// <summary>The preset this connector uses.</summary>
    public SsoPreset EffectivePreset =>
        string.IsNullOrEmpty(Preset) ? SsoPresets.Generic : SsoPresets.All.GetValueOrDefault(Preset, SsoPresets.Generic);

    /// <summary>An app setting that exists but is empty binds to an empty relative URI: that means "not set".</summary>
    public static bool IsUnset([NotNullWhen(false)] Uri? value) => value is null || value.OriginalString.Length == 0;

    /// <summary>Whether <paramref name="redirect"/> is the default or one of the allowed redirects.</summary>
    public bool AllowsRedirect(Uri redirect) => AllowedRedirect(redirect) is not null;

    /// <summary>
    /// The configured redirect (the default or an allowed one) that <paramref name="redirect"/> stands for, or null:
    /// what is sent on is this configured value, never the client's own text.
    /// </summary>
    public Uri? AllowedRedirect(Uri redirect) =>
        !IsUnset(PostLogoutRedirectUri) && Same(PostLogoutRedirectUri, redirect)
            ? PostLogoutRedirectUri
            : AllowedPostLogoutRedirectUris.FirstOrDefault(allowed => !IsUnset(allowed) && Same(allowed, redirect));

    private static bool Same(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri && string.Equals(a.AbsoluteUri, b.AbsoluteUri, StringComparison.Ordinal);
}
