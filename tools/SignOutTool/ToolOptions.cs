using System.CommandLine;
using System.Globalization;

namespace SignOutTool;

/// <summary>The options more than one command takes, each declared once.</summary>
internal static class ToolOptions
{
    public static readonly Option<string> Settings = new("--settings")
    {
        Description = "The settings file: its Values are handed to the app as the Functions host hands app settings.",
        DefaultValueFactory = _ => "local.settings.json",
        HelpName = "FILE",
    };

    public static readonly Option<string> Storage = new("--storage")
    {
        Description = "The table storage connection string (Azurite: UseDevelopmentStorage=true).",
        HelpName = "CONNECTION",
    };

    public static readonly Option<string?> Connector = new("--connector")
    {
        Description = "The SSO connector id to put in the token.",
        HelpName = "ID",
    };

    public static readonly Option<int> Requests = Positive("--requests", 2000, "Sign-outs per measured batch (load: in all).");

    public static readonly Option<int> Concurrency = Positive("--concurrency", 16, "Sign-outs in flight at once.");

    public static readonly Option<int> Rounds = Positive("--rounds", 5, "Rounds, each side once per round, alternating which goes first.");

    /// <summary>Adds a validator that refuses the command, as a parse error, unless <paramref name="option"/> was given.</summary>
    public static void Require(Command command, Option option) =>
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is null)
            {
                result.AddError($"{command.Name} needs {option.Name} {option.HelpName}.");
            }
        });

    public static Option<int> Positive(string name, int fallback, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback, HelpName = "N" };
        option.Validators.Add(result =>
        {
            // A value that is not a number already has its own error; this one only judges numbers.
            if (int.TryParse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : null, CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError($"{name} must be at least 1.");
            }
        });
        return option;
    }
}
