using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SessionFunctions.Tests.Support;

/// <summary>What a client sees: status, headers and the JSON envelope.</summary>
public sealed record SignOutResponse(int Status, IHeaderDictionary Headers, string Body)
{
    public JsonElement Json { get; } = JsonDocument.Parse(Body).RootElement.Clone();

    public int Code => Json.GetProperty("code").GetInt32();

    public string Msg => Json.GetProperty("msg").GetString()!;

    public JsonElement Data => Json.GetProperty("data");

    public string? CorrelationId => Json.TryGetProperty("correlation_id", out var id) ? id.GetString() : null;

    public IReadOnlyList<string> PropertyNames => Json.EnumerateObject().Select(p => p.Name).ToList();
}
