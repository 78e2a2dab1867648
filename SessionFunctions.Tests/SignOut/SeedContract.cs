using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace SessionFunctions.Tests.SignOut;

/// <summary>
/// The seed's OpenAPI text, parsed with Microsoft.OpenApi's YAML reader; the 200 response schema turned into a
/// JSON Schema (OpenAPI 3.1 form, so <c>nullable</c> becomes a null type) that JsonSchema.Net evaluates.
/// </summary>
public static partial class SeedContract
{
    public static OpenApiDocument Document { get; } = Load();

    public static JsonSchema ResponseSchema { get; } = BuildResponseSchema();

    public static OpenApiOperation SignOut => Document.Paths["/session/token"].Operations![HttpMethod.Delete];

    public static EvaluationResults Evaluate(string body) =>
        ResponseSchema.Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static OpenApiDocument Load()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SignOut", "sign-out-openapi.md"));
        var yaml = YamlBlock().Match(markdown).Groups[1].Value;
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(yaml, "yaml", settings);
        // The seed is an Apifox export that declares 3.0.1 but uses 3.1's `examples` in schemas; that is its only
        // deviation, so any other diagnostic still fails the contract.
        var errors = result.Diagnostic?.Errors.Where(e => !e.Message.StartsWith("examples is not a valid property", StringComparison.Ordinal)).ToList() ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            throw new InvalidOperationException("The seed OpenAPI text did not parse: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        return result.Document;
    }

    private static JsonSchema BuildResponseSchema()
    {
        var schema = SignOut.Responses!["200"].Content!["application/json"].Schema!;
        using var writer = new StringWriter();
        schema.SerializeAsV31(new OpenApiJsonWriter(writer));
        var node = JsonNode.Parse(writer.ToString())!;
        StripVendorExtensions(node);
        return JsonSchema.FromText(node.ToJsonString());
    }

    /// <summary>Apifox's <c>x-</c> keywords are annotations for its editor, not constraints.</summary>
    private static void StripVendorExtensions(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
            {
                obj.Remove(name);
            }

            foreach (var (_, child) in obj)
            {
                StripVendorExtensions(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                StripVendorExtensions(child);
            }
        }
    }

    [GeneratedRegex("```yaml\\s*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
