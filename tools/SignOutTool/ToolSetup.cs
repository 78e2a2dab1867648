using SessionFunctions.Testing;

namespace SignOutTool;

/// <summary>What every command starts from: the settings file (<c>--settings</c>) and a minter for its first key.</summary>
internal sealed record ToolSetup(LocalSettings Settings, TokenMinter Minter)
{
    public static ToolSetup? Load(string settingsPath)
    {
        var settings = LocalSettings.Load(settingsPath);
        var minter = settings is null ? null : TokenMinter.From(settings);
        return settings is null || minter is null ? null : new ToolSetup(settings, minter);
    }
}
