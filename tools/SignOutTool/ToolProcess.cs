using System.Diagnostics;

namespace SignOutTool;

/// <summary>This tool again, as a child process running one of its hidden commands, standard streams redirected.</summary>
internal static class ToolProcess
{
    public static Process Start(IEnumerable<string> args, string? temp = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (temp is not null)
        {
            start.Environment["TMPDIR"] = temp;
        }

        // Started the same way as this process: through `dotnet SignOutTool.dll` or through the apphost.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ToolProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
    }
}
