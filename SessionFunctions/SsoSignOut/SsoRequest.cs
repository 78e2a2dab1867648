namespace SessionFunctions.SsoSignOut;

/// <summary>What a client may add to a sign-out for the provider's redirect back; every field optional.</summary>
public sealed record SsoRequest(string? PostLogoutRedirectUri, string? State, string? UiLocales)
{
}
