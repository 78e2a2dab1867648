using System.Text.Json.Serialization;

namespace SessionFunctions.SignOut;

/// <summary>The request body. Unknown properties are ignored, as the contract's schema allows.</summary>
internal sealed record SignOutRequest(
    [property: JsonPropertyName("refresh_token")] string? RefreshToken);
