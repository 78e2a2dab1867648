using System.Text.Json.Serialization;

namespace SessionFunctions.SignOut;

/// <summary>The success envelope: <c>{"data": url|null, "code": 0, "msg": ""}</c>, <c>data</c> always present.</summary>
public sealed record SuccessEnvelope(
    [property: JsonPropertyName("data")] string? Data)
{
    [JsonPropertyName("code")]
    public int Code { get; } = ApiCode.Success;

    [JsonPropertyName("msg")]
    public string Msg { get; } = string.Empty;
}

/// <summary>The failure envelope: every field present, <c>data</c> null, <c>error</c> null unless debug detail is on.</summary>
public sealed record ErrorEnvelope(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("correlation_id")] string CorrelationId)
{
    [JsonPropertyName("data")]
    [JsonPropertyOrder(-1)]
    public object? Data { get; }
}
