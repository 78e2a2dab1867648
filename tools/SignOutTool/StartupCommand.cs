using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SignOutTool;

/// <summary>
/// Measures what the app adds to a cold start, in this process: composing and validating the services (what the
/// worker does before it is ready), then the first sign-out (JIT, first storage connection) and a second one.
/// Run it as a fresh process each time; compare a plain build with a ReadyToRun publish.
/// </summary>
internal static class StartupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var storage = arguments.Value("--storage");
        if (ToolSetup.Load(arguments) is not { } setup || storage is null)
        {
            Console.Error.WriteLine("startup needs --storage CONNECTION and a settings file.");
            return 2;
        }

        var (settings, minter) = setup;
        var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var clock = Stopwatch.StartNew();
        await using var app = InProcessApp.Create(settings, storage);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var composed = clock.Elapsed;

        clock.Restart();
        var first = await app.SignOutAsync(minter.Mint("first", Guid.NewGuid().ToString(), null), CancellationToken.None).ConfigureAwait(false);
        var firstRequest = clock.Elapsed;

        clock.Restart();
        var second = await app.SignOutAsync(minter.Mint("second", Guid.NewGuid().ToString(), null), CancellationToken.None).ConfigureAwait(false);
        var secondRequest = clock.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process-to-main {sinceProcessStart.TotalMilliseconds:F1} ms, compose+validate {composed.TotalMilliseconds:F1} ms, first sign-out {firstRequest.TotalMilliseconds:F1} ms ({first.Item1}/{first.Item2}), second {secondRequest.TotalMilliseconds:F1} ms ({second.Item1}/{second.Item2})"));
        if (first.Item2 != 0 || second.Item2 != 0)
        {
            Console.Error.WriteLine("likely cause: " + FailureHint.For($"{first.Item1}/{first.Item2}"));
            return 3;
        }

        return 0;
    }
}
