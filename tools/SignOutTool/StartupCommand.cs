using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using SignOutTool.Cost;

namespace SignOutTool;

/// <summary>
/// Start to first successful sign-out, for the product and for the one-insert function floor composed the same way
/// (<see cref="InsertFunction"/>), each in a fresh child process: from spawning it to the line it prints after its
/// host has started (hosted services included) and its first call has succeeded. The sides alternate for
/// <c>--rounds</c>; both use this build, the same settings file and the same storage.
/// </summary>
internal static class StartupCommand
{
    private const string ChildName = "startup-side";
    private const string FloorTable = "startupfloor";

    /// <summary>What the child prints before the first call's outcome; anything else on its output is not the answer.</summary>
    private const string FirstCall = "first call: ";

    /// <summary>
    /// The refresh token the product's first call presents. Minted by the parent: a worker receives its token, it does
    /// not make one, and minting (reflection-based JSON, HMAC) inside the child would charge the product for it.
    /// </summary>
    private static readonly Option<string> Token = new("--token") { Description = "The refresh token the first sign-out presents.", HelpName = "JWT" };

    public static Command Create()
    {
        var command = new Command("startup", "Measures process start to first successful sign-out beside the one-insert function floor, alternating fresh processes.")
        {
            ToolOptions.Storage, ToolOptions.Rounds, ToolOptions.Settings,
        };
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(RunAsync);
        return command;
    }

    public static Command CreateChild()
    {
        var command = new Command(ChildName, "One side of startup (started by startup).") { SideCommand.Side, ToolOptions.Storage, ToolOptions.Settings, Token };
        command.Hidden = true;
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(RunChildAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var (storage, settings, rounds) = (parsed.GetRequiredValue(ToolOptions.Storage), parsed.GetRequiredValue(ToolOptions.Settings), parsed.GetValue(ToolOptions.Rounds));
        if (ToolSetup.Load(settings) is not { } setup)
        {
            return 1;
        }

        try
        {
            // Both tables exist before the first round, so that neither side pays for creating one.
            foreach (var table in new[] { setup.Settings["Revocation__TableName"] ?? "RevokedTokenFamilies", FloorTable })
            {
                await new TableClient(storage, table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or AggregateException)
        {
            Console.Error.WriteLine($"the tables could not be created ({exception.GetType().Name}): " + FailureHint.For(FailureHint.StorageUnavailable));
            return 3;
        }

        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var ms = new Dictionary<CostSide, double>();
            foreach (var side in round % 2 == 0 ? [CostSide.Product, CostSide.Floor] : new[] { CostSide.Floor, CostSide.Product })
            {
                var token = setup.Minter.Mint("startup", Guid.NewGuid().ToString(), null);
                var clock = Stopwatch.StartNew();
                await using var child = ToolProcess.Start([ChildName, "--side", side.ToString(), "--storage", storage, "--settings", settings, "--token", token]);
                var answer = await child.ReadLineAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                while (answer is not null && !answer.StartsWith(FirstCall, StringComparison.Ordinal))
                {
                    answer = await child.ReadLineAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                ms[side] = clock.Elapsed.TotalMilliseconds;
                answer = answer?[FirstCall.Length..];
                if (answer != FailureHint.Success)
                {
                    Console.Error.WriteLine($"{side}: first call answered " + (answer is null ? $"nothing ({child.Reason ?? "it ended without a reason"}). If it could not reach storage: " : $"{answer}. Likely cause: ") + FailureHint.For(answer ?? FailureHint.StorageUnavailable));
                    return 3;
                }
            }

            ratios.Add(ms[CostSide.Product] / ms[CostSide.Floor]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds}: product {ms[CostSide.Product],7:F0} ms, floor {ms[CostSide.Floor],7:F0} ms, product/floor {ratios[^1]:F2}"));
        }

        var sorted = ratios.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median product/floor, start to first successful sign-out: {(sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2:F2}"));
        return 0;
    }

    private static async Task<int> RunChildAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var storage = parsed.GetRequiredValue(ToolOptions.Storage);
        if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is not { } setup)
        {
            return 1;
        }

        var side = parsed.GetValue(SideCommand.Side);
        InProcessApp.ApplySettings(setup.Settings, storage);
        using var host = await SideHost.StartAsync(side, new TableClient(storage, FloorTable), null, cancellationToken).ConfigureAwait(false);
        var input = side == CostSide.Product ? parsed.GetRequiredValue(Token) : Guid.NewGuid().ToString("N");
        var (status, code) = await SideHost.CallAsync(side, host.Services, input, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"{FirstCall}{status}/{code}");
        await host.StopAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
