namespace SignOutTool;

/// <summary>Prints one refresh token for a local call to the function.</summary>
internal static class MintCommand
{
    public const string Usage = "usage: SignOutTool mint [--sub SUBJECT] [--root UUID | --no-root] [--connector ID] [--settings local.settings.json]";

    private static readonly string[] ValueOptions = ["--sub", "--root", "--connector", "--settings"];
    private static readonly string[] Flags = ["--no-root", "--help", "-h"];

    public static int Run(string[] args)
    {
        var arguments = new Arguments(args);
        if (arguments.WantsHelp)
        {
            Console.WriteLine(Usage);
            Console.WriteLine("Prints a refresh token shaped like Cloudreve v4's, signed with the first key of the settings file.");
            return 0;
        }

        if (arguments.FirstUnknown(ValueOptions, Flags) is { } unknown)
        {
            Console.Error.WriteLine($"mint: unknown argument '{unknown}'.");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (ToolSetup.Load(arguments) is not { } setup)
        {
            return 1;
        }

        var rootId = arguments.Flag("--no-root") ? null : arguments.Value("--root") ?? Guid.NewGuid().ToString();
        Console.WriteLine(setup.Minter.Mint(arguments.Value("--sub") ?? "lpua", rootId, arguments.Value("--connector")));
        return 0;
    }
}
