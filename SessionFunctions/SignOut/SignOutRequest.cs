using SessionFunctions.SsoSignOut;

namespace SessionFunctions.SignOut;

/// <summary>A sign-out request the reader accepted: a refresh token to check, and the optional SSO parameters.</summary>
public sealed record SignOutRequest(string RefreshToken, SsoRequest Sso)
{
    public static SignOutRequest From(SignOutRequestBody body, string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        // Empty strings count as absent.
        return new(refreshToken, new SsoRequest(NullIfEmpty(body.PostLogoutRedirectUri), NullIfEmpty(body.State), NullIfEmpty(body.UiLocales)));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
