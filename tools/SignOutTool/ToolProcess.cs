using System.Diagnostics;
using System.Threading.Channels;

namespace SignOutTool;

/// <summary>
/// This tool again, as a child process running one of its hidden commands, talked to a line at a time. Its output is
/// read as it comes, so that a child never blocks on a full pipe; of its standard error only the first line is kept,
/// as the reason it gives when it ends early (an unhandled exception's type and message, not its stack trace).
/// </summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private ToolProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => _ = line.Data is null ? _lines.Writer.TryComplete() : _lines.Writer.TryWrite(line.Data);
        process.ErrorDataReceived += (_, line) => Reason ??= string.IsNullOrWhiteSpace(line.Data) ? null : line.Data;
    }

    /// <summary>The first line the child wrote to its standard error, if any.</summary>
    public string? Reason { get; private set; }

    public static ToolProcess Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // Started the same way as this process: through `dotnet SignOutTool.dll` or through the apphost.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ToolProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var child = new ToolProcess(new Process { StartInfo = start });
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Sends <paramref name="line"/>, if any, and reads the child's next line of output: null once it has ended.
    /// Cancelled, it stops the child before it returns: nobody will read what the child is doing.
    /// </summary>
    public async Task<string?> ReadLineAsync(string? line = null, CancellationToken cancellationToken = default)
    {
        try
        {
            try
            {
                if (line is not null)
                {
                    await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                    await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (IOException)
            {
                // The child has ended; what it wrote before is still read below.
            }

            if (await _lines.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _lines.Reader.TryRead(out var next))
            {
                return next;
            }

            // Ended: once it has exited, all it wrote to standard error has been read, and Reason is whole.
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Closes the child's input, which ends a child driven over it, and waits a bounded time for it to exit before stopping it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }
}
