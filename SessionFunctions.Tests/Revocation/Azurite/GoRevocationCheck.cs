using System.Diagnostics;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>
/// The Go revocation check in tools/go-revocation-check, built once with the machine's <c>go</c> (Debian's
/// golang-go; .ci/run installs it). Standard library only, nothing fetched: GOPROXY=off.
/// </summary>
public sealed class GoRevocationCheck : IAsyncLifetime
{
    private static readonly string Source = RepositoryRoot.Combine("tools", "go-revocation-check");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "go-revocation-check-" + Guid.NewGuid().ToString("N"));

    public string Binary => Path.Combine(_directory, "revocation-check");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var build = await RunAsync("go", ["build", "-o", Binary, "."], Source, TimeSpan.FromMinutes(5), "go build");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"go build failed ({build.ExitCode}): {build.Error}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the check; the account key travels in the environment, never on the command line.</summary>
    public Task<Result> CheckAsync(string endpoint, string table, string? rootId, string token, bool keyOnly = false, string accountKey = AzuriteTable.AccountKey)
    {
        var arguments = new List<string> { "-endpoint", endpoint, "-account", "devstoreaccount1", "-table", table, "-root", rootId ?? "", "-token", token, "-timeout", "30s" };
        if (keyOnly)
        {
            arguments.Add("-key-only");
        }

        return RunAsync(Binary, arguments, _directory, TimeSpan.FromSeconds(60), "the Go revocation check", accountKey);
    }

    private static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, string directory, TimeSpan patience, string what, string accountKey = AzuriteTable.AccountKey)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REVOCATION_ACCOUNT_KEY"] = accountKey;
        start.Environment["GOPROXY"] = "off";
        start.Environment["GOFLAGS"] = "-mod=mod";
        start.Environment["GOTOOLCHAIN"] = "local";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
        {
            start.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "go-build-cache");
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"{file} is not installed: apt-get install -y golang-go (.ci/run installs it).", missing);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var bound = new CancellationTokenSource(patience);
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{what} did not exit within {patience}.");
            }

            return new Result(process.ExitCode, (await output).Trim(), (await error).Trim());
        }
    }

    public sealed record Result(int ExitCode, string Output, string Error);
}
