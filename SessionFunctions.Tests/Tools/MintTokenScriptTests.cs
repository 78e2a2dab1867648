using System.Diagnostics;

namespace SessionFunctions.Tests.Tools;

/// <summary>tools/mint-token.sh checks its arguments and settings before it builds anything.</summary>
public sealed class MintTokenScriptTests
{
    [Fact]
    public async Task An_unknown_flag_is_refused_with_the_usage_before_building()
    {
        var (exit, stdout, stderr) = await RunAsync("--conector", "logto");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("unknown argument '--conector'", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: bash tools/mint-token.sh", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("building", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage()
    {
        var (exit, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.StartsWith("usage: bash tools/mint-token.sh", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_settings_file_is_named_before_building()
    {
        var (exit, _, stderr) = await RunAsync("--settings", "no-such-settings.json");

        Assert.Equal(1, exit);
        Assert.Contains("no-such-settings.json not found", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("building", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_without_its_value_is_refused()
    {
        var (exit, _, stderr) = await RunAsync("--connector");

        Assert.Equal(2, exit);
        Assert.Contains("--connector needs a value", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryRoot.Combine("tools", "mint-token.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
