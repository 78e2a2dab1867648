namespace SignOutTool;

/// <summary>Prints one refresh token for a local call to the function.</summary>
internal static class MintCommand
{
    public static int Run(string[] args)
    {
        var arguments = new Arguments(args);
        if (ToolSetup.Load(arguments) is not { } setup)
        {
            return 1;
        }

        var minter = setup.Minter;

        var rootId = arguments.Flag("--no-root") ? null : arguments.Value("--root") ?? Guid.NewGuid().ToString();
        Console.WriteLine(minter.Mint(arguments.Value("--sub") ?? "lpua", rootId, arguments.Value("--connector")));
        return 0;
    }
}
