using System.CommandLine;
using System.Text;

namespace SignOutTool;

/// <summary>
/// One sign-out, in-process: the app composed as Program.cs composes it and the function called as the worker calls
/// it, against real storage, without the Functions host. What a machine without Core Tools can still run.
/// </summary>
internal static class SignOutCommand
{
    public static Command Create()
    {
        var command = new Command("signout", "Signs out once in-process (the app as the worker composes it, no Functions host) and prints the answer.")
        {
            ToolOptions.Storage, ToolOptions.Connector, ToolOptions.Settings,
        };
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is not { } setup)
            {
                return 1;
            }

            var token = setup.Minter.Mint("lpua", Guid.NewGuid().ToString(), parsed.GetValue(ToolOptions.Connector));
            await using var app = InProcessApp.Create(setup.Settings, parsed.GetRequiredValue(ToolOptions.Storage));
            var (status, body) = await app.SendAsync(token, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"DELETE /session/token (in-process, no Functions host): HTTP {status}");
            Console.WriteLine(Encoding.UTF8.GetString(body));
            var code = LoadCommand.CodeOf(body);
            if (code != 0)
            {
                Console.Error.WriteLine("likely cause: " + FailureHint.For($"{status}/{code}"));
                return 3;
            }

            return 0;
        });
        return command;
    }
}
