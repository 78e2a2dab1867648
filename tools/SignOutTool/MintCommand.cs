using System.CommandLine;

namespace SignOutTool;

/// <summary>Prints one refresh token for a local call to the function.</summary>
internal static class MintCommand
{
    public static Command Create()
    {
        var subject = new Option<string>("--sub") { Description = "The token's subject.", DefaultValueFactory = _ => "lpua", HelpName = "SUBJECT" };
        var root = new Option<Guid>("--root") { Description = "The family's root token id (default: a new one).", HelpName = "UUID" };
        var noRoot = new Option<bool>("--no-root") { Description = "Leave the root token id out (the family falls back to the token's own id)." };
        var command = new Command("mint", "Prints a refresh token shaped like Cloudreve v4's, signed with the first key of the settings file.")
        {
            subject, root, noRoot, ToolOptions.Connector, ToolOptions.Settings,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(root) is not null && result.GetResult(noRoot) is not null)
            {
                result.AddError("--root and --no-root exclude each other.");
            }
        });
        command.SetAction(parsed =>
        {
            if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is not { } setup)
            {
                return 1;
            }

            var rootId = parsed.GetValue(noRoot) ? null : (parsed.GetResult(root) is null ? Guid.NewGuid() : parsed.GetValue(root)).ToString();
            parsed.InvocationConfiguration.Output.WriteLine(setup.Minter.Mint(parsed.GetRequiredValue(subject), rootId, parsed.GetValue(ToolOptions.Connector)));
            return 0;
        });
        return command;
    }
}
