using System.Text;

namespace SignOutTool;

/// <summary>
/// One sign-out, in-process: the app composed as Program.cs composes it and the function called as the worker calls
/// it, against real storage, without the Functions host. What a machine without Core Tools can still run.
/// </summary>
internal static class SignOutCommand
{
    public const string Usage = "usage: SignOutTool signout --storage CONNECTION [--connector ID] [--settings local.settings.json]";

    private static readonly string[] ValueOptions = ["--storage", "--connector", "--settings"];
    private static readonly string[] Flags = ["--help", "-h"];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        if (arguments.WantsHelp)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (arguments.FirstUnknown(ValueOptions, Flags) is { } unknown || arguments.Value("--storage") is not { } storage)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (ToolSetup.Load(arguments) is not { } setup)
        {
            return 1;
        }

        var token = setup.Minter.Mint("lpua", Guid.NewGuid().ToString(), arguments.Value("--connector"));
        await using var app = InProcessApp.Create(setup.Settings, storage);
        var (status, body) = await app.SendAsync(token, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"DELETE /session/token (in-process, no Functions host): HTTP {status}");
        Console.WriteLine(Encoding.UTF8.GetString(body));
        var code = LoadCommand.CodeOf(body);
        if (code != 0)
        {
            Console.Error.WriteLine("likely cause: " + FailureHint.For($"{status}/{code}"));
            return 3;
        }

        return 0;
    }
}
