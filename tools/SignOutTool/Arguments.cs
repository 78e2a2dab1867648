namespace SignOutTool;

/// <summary>Reads <c>--name value</c> and <c>--flag</c> arguments.</summary>
internal sealed class Arguments(string[] args)
{
    public bool WantsHelp => args.Contains("--help") || args.Contains("-h");

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

    /// <summary>The first argument that is neither one of <paramref name="valueOptions"/> (with its value) nor one of <paramref name="flags"/>.</summary>
    public string? FirstUnknown(IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (valueOptions.Contains(args[i]) && i + 1 < args.Length)
            {
                i++;
            }
            else if (!flags.Contains(args[i]))
            {
                return args[i];
            }
        }

        return null;
    }
}
