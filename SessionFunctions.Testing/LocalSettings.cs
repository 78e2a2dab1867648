using System.Text.Json;

namespace SessionFunctions.Testing;

/// <summary>
/// The <c>Values</c> of a local.settings.json file: app settings as the Functions host hands them to the worker,
/// named <c>Section__Name</c>.
/// </summary>
public sealed class LocalSettings(Dictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values => values;

    public string? this[string name] => values.GetValueOrDefault(name);

    /// <summary>The file's values, or null (with the reason on stderr) when it does not exist.</summary>
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

    /// <summary>
    /// App settings as configuration keys: <c>Section__Name</c> becomes <c>Section:Name</c>, as the environment
    /// variables configuration provider reads them.
    /// </summary>
    public static Dictionary<string, string?> AsConfiguration(IEnumerable<KeyValuePair<string, string>> appSettings) =>
        appSettings.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
}
