using System.Diagnostics;
using System.Text.Json;

namespace SignOutTool.Cost;

/// <summary>A side's child process (<see cref="SideCommand"/>), driven one batch at a time.</summary>
internal sealed class SideProcess(Process process) : IDisposable
{
    public static SideProcess Start(CostSide side, string storage, string table, string settings, IEnumerable<string>? set = null) =>
        new(ToolProcess.Start([SideCommand.Name, "--side", side.ToString(), "--storage", storage, "--table", table, "--settings", settings, .. (set ?? []).SelectMany(s => new[] { "--set", s })]));

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
    }
}
