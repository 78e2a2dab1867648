using System.Diagnostics;
using System.Text.Json;

namespace SignOutTool.Cost;

/// <summary>The floor's child process (<see cref="FloorCommand"/>), driven one batch at a time.</summary>
internal sealed class FloorProcess(Process process, PrivateTempFolder temp) : IDisposable
{
    public static FloorProcess Start(string storage, string table, FloorKind kind = FloorKind.Bare)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var temp = PrivateTempFolder.Create();
        start.Environment["TMPDIR"] = temp.Path;
        // Started the same way as this process: through `dotnet SignOutTool.dll` or through the apphost.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FloorProcess).Assembly.Location);
        }

        foreach (var argument in new[] { FloorCommand.Name, "--storage", storage, "--table", table, "--kind", kind.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        return new FloorProcess(Process.Start(start) ?? throw new InvalidOperationException("The floor process did not start."), temp);
    }

    public async Task<BatchCost> RunAsync(int requests, int concurrency)
    {
        await process.StandardInput.WriteLineAsync($"{requests} {concurrency}").ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
        var line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The floor process ended (exit code {(process.HasExited ? process.ExitCode : -1)}).");
        return JsonSerializer.Deserialize<BatchCost>(line) ?? throw new InvalidOperationException("The floor process answered nothing.");
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        temp.Dispose();
    }
}
