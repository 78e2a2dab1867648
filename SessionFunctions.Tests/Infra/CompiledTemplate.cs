using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SessionFunctions.Tests.Infra;

/// <summary>infra/main.bicep compiled once for all template tests, and its modules' own templates.</summary>
internal static class CompiledTemplate
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<ArmTemplate> Compiled = new(() => new ArmTemplate(BicepCli.Build(RepositoryRoot.Combine("infra", "main.bicep"))));

    public static ArmTemplate Main => Compiled.Value;

    /// <summary>The module deployment named <paramref name="name"/> in main.bicep (its parameters and nested template).</summary>
    public static JsonObject Module(string name) =>
        Assert.Single(Resources(Main.Root), d => (string?)d["type"] == "Microsoft.Resources/deployments" && (string?)d["name"] == name);

    /// <summary>What main.bicep passes to a module's parameter: its value, or the expression that makes <c>{"value": ...}</c>.</summary>
    public static string ModuleArgument(string module, string parameter) =>
        Module(module)["properties"]!["parameters"]![parameter] switch
        {
            JsonObject wrapped => Json(wrapped["value"]!),
            var expression => Json(expression!),
        };

    /// <summary>A node as text with ARM's quotes left readable (<c>parameters('x')</c>, not <c>\u0027</c>).</summary>
    public static string Json(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString(Unescaped);

    public static JsonObject ModuleTemplate(string module) => Module(module)["properties"]!["template"]!.AsObject();

    public static IEnumerable<JsonObject> ModuleResources(string module) => Resources(ModuleTemplate(module));

    // Templates with user-defined types compile to language version 2.0, where resources are an object by symbolic name.
    private static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
}
