using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SessionFunctions.Tests.Support;

/// <summary>
/// The Bicep CLI that <c>dotnet restore tools/bicep</c> downloads from NuGet (version pinned in BicepCli.csproj).
/// Missing CLI fails the tests that need it, with the command that installs it.
/// </summary>
public static partial class BicepCli
{
    public static string Path { get; } = Locate();

    /// <summary>Compiles a template to ARM JSON text.</summary>
    public static string Build(string bicepFile)
    {
        var (exit, stdout, stderr) = Run("build", bicepFile, "--stdout");
        if (exit != 0 || stderr.Trim().Length > 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} exited {exit}: {stderr}");
        }

        return stdout;
    }

    public static (int Exit, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("BICEP_CLI");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"BICEP_CLI={configured} does not exist.");
        }

        var version = BicepVersion().Match(File.ReadAllText(RepositoryRoot.Combine("tools", "bicep", "BicepCli.csproj"))).Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // The package tools/bicep restores for this machine (BicepCli.csproj): azure.bicep.commandline.<os>-<arch>.
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var path = System.IO.Path.Combine(packages, $"azure.bicep.commandline.{os}-{arch}", version, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Bicep CLI not found at {path}. Run: dotnet restore tools/bicep");
    }

    [GeneratedRegex("<BicepVersion>([^<]+)</BicepVersion>")]
    private static partial Regex BicepVersion();
}
