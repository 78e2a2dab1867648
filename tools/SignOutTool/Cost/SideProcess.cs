using System.Diagnostics;
using System.Text.Json;

namespace SignOutTool.Cost;

/// <summary>A side's child process (<see cref="SideCommand"/>), driven one batch at a time.</summary>
internal sealed class SideProcess(Process process, DirectoryInfo temp) : IDisposable
{
    /// <remarks>
    /// Each side gets a temp folder of its own: the Application Insights channel keeps what it could not send (a
    /// side's sink is gone when it ends) under the temp path, in a folder keyed by the app's base directory, and the
    /// next process from that directory sends the backlog first. Sharing it, a side sent earlier runs' leftovers in
    /// its measured batches (seen: a floor that counted none of its own dependencies in its batch).
    /// </remarks>
    public static SideProcess Start(CostSide side, string storage, string table, string settings, IEnumerable<string>? set = null)
    {
        var temp = Directory.CreateTempSubdirectory("signouttool-");
        return new(ToolProcess.Start([SideCommand.Name, "--side", side.ToString(), "--storage", storage, "--table", table, "--settings", settings, .. (set ?? []).SelectMany(s => new[] { "--set", s })], temp.FullName), temp);
    }

    public async Task<BatchCost> RunAsync(int requests, int concurrency)
    {
        await process.StandardInput.WriteLineAsync($"{requests} {concurrency}").ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
        var line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The cost process ended (exit code {(process.HasExited ? process.ExitCode : -1)}).");
        return JsonSerializer.Deserialize<BatchCost>(line) ?? throw new InvalidOperationException("The cost process answered nothing.");
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        try
        {
            temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere leaves the folder to the system's temp clean-up.
        }
    }
}
