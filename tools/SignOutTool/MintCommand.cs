namespace SignOutTool;

/// <summary>Prints one refresh token for a local call to the function.</summary>
internal static class MintCommand
{
    public static int Run(string[] args)
    {
        var arguments = new Arguments(args);
        var settings = LocalSettings.Load(arguments.Value("--settings") ?? "local.settings.json");
        var minter = settings is null ? null : TokenMinter.From(settings);
        if (minter is null)
        {
            return 1;
        }

        var rootId = arguments.Flag("--no-root") ? null : arguments.Value("--root") ?? Guid.NewGuid().ToString();
        Console.WriteLine(minter.Mint(arguments.Value("--sub") ?? "lpua", rootId, arguments.Value("--connector")));
        return 0;
    }
}
