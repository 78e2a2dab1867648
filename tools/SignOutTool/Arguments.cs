namespace SignOutTool;

/// <summary>Reads <c>--name value</c> and <c>--flag</c> arguments.</summary>
internal sealed class Arguments(string[] args)
{
    public string? Value(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public int Int(string name, int fallback) => int.TryParse(Value(name), out var value) ? value : fallback;

    public bool Flag(string name) => args.Contains(name);
}
