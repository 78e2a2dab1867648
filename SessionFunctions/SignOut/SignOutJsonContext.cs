using System.Text.Json.Serialization;

namespace SessionFunctions.SignOut;

/// <summary>Source-generated JSON for the request and the envelopes: no reflection at start-up or per request.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(SignOutRequestBody))]
[JsonSerializable(typeof(SuccessEnvelope))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class SignOutJsonContext : JsonSerializerContext;
