namespace SignOutTool;

/// <summary>Reads <c>--name value</c> and <c>--flag</c> arguments.</summary>
internal sealed class Arguments(string[] args)
{
    public string? Value(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Every value of a repeatable <c>--name value</c>.</summary>
    public IEnumerable<string> Values(string name) =>
        args.Select((arg, i) => (arg, i)).Where(a => a.arg == name && a.i + 1 < args.Length).Select(a => args[a.i + 1]);

    public int Int(string name, int fallback) => int.TryParse(Value(name), out var value) ? value : fallback;

    public bool Flag(string name) => args.Contains(name);
}
