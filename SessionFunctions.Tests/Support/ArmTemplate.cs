using System.Text.Json.Nodes;

namespace SessionFunctions.Tests.Support;

/// <summary>A compiled ARM template with its modules (nested deployments) flattened, for asserting properties.</summary>
public sealed class ArmTemplate(string text)
{
    /// <summary>The compiled JSON as the CLI wrote it (ARM expressions keep their single quotes).</summary>
    public string Text { get; } = text;

    public JsonObject Root { get; } = JsonNode.Parse(text)!.AsObject();

    /// <summary>Every resource, at any depth of module nesting.</summary>
    public IReadOnlyList<JsonObject> Resources => Flatten(Root).ToList();

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject The(string type) => Assert.Single(OfType(type));

    private static IEnumerable<JsonObject> Flatten(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return resource;
            }
        }
    }
}
