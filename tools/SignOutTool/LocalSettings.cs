using System.Text.Json;

namespace SignOutTool;

/// <summary>The <c>Values</c> of a local.settings.json file.</summary>
internal sealed class LocalSettings(Dictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values => values;

    public string? this[string name] => values.GetValueOrDefault(name);

    public static LocalSettings? Load(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path} not found: copy local.settings.sample.json to local.settings.json first.");
            return null;
        }

        using var settings = JsonDocument.Parse(File.ReadAllText(path));
        return new LocalSettings(settings.RootElement.GetProperty(nameof(Values)).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty));
    }
}
