using System.CommandLine;
using System.CommandLine.Invocation;
using SignOutTool.Cost;

namespace SignOutTool;

/// <summary>
/// The tool's commands. Exit codes: 0 done, 1 the settings file is missing or incomplete (or an unexpected error, which
/// System.CommandLine prints with its stack trace), 2 the command line was refused (unknown option or argument, a
/// value of the wrong type, a missing option), 3 the run itself failed.
/// </summary>
internal static class ToolCommandLine
{
    public static RootCommand Create() =>
    [
        MintCommand.Create(),
        SignOutCommand.Create(),
        LoadCommand.Create(),
        StartupCommand.Create(),
        StartupCommand.CreateChild(),
        CostCommand.Create(),
        SideCommand.Create(),
    ];

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parsed = Create().Parse(args);
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        if (parsed.Action is not ParseErrorAction refused)
        {
            return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        }

        // The reason alone, not buried under the help text; the help is one option away.
        refused.ShowHelp = false;
        await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        var command = parsed.CommandResult.Command is RootCommand ? string.Empty : parsed.CommandResult.Command.Name + " ";
        await configuration.Error.WriteLineAsync($"See: SignOutTool {command}--help").ConfigureAwait(false);
        return 2;
    }
}
