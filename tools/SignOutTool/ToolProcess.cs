using System.Diagnostics;

namespace SignOutTool;

/// <summary>This tool again, as a child process running one of its hidden commands, talked to a line at a time.</summary>
internal sealed class ToolProcess(Process process) : IAsyncDisposable
{
    public static ToolProcess Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };

        // Started the same way as this process: through `dotnet SignOutTool.dll` or through the apphost.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ToolProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ToolProcess(Process.Start(start) ?? throw new InvalidOperationException("The child process did not start."));
    }

    /// <summary>Sends <paramref name="line"/>, if any, and reads the child's next line of output: null once it has ended.</summary>
    public async Task<string?> ReadLineAsync(string? line = null, CancellationToken cancellationToken = default)
    {
        if (line is not null)
        {
            await process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the child's input, which ends a child driven over it, and reads what else it writes until it exits; stops it if it will not.</summary>
    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        try
        {
            await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
