using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SessionFunctions.Revocation;

namespace SignOutTool.Cost;

/// <summary>
/// One side of <c>cost</c> in a process of its own (the worker's telemetry listens to every HttpClient in its
/// process, so two sides in one would charge each other), driven over standard input: a line
/// <c>REQUESTS CONCURRENCY</c> in, a <see cref="BatchCost"/> as one JSON line out. Logs never go to the console
/// (standard output is the batch channel); telemetry ends in a <see cref="CountingChannel"/>.
/// </summary>
internal static class SideCommand
{
    public const string Name = "cost-side";

    public static readonly Option<CostSide> Side = new("--side") { Description = "Which side this process runs." };

    /// <summary>Telemetry on, as in Azure, but kept in this process and unsampled, so that every item a call makes is counted.</summary>
    public static readonly IReadOnlyDictionary<string, string> Telemetry = new Dictionary<string, string>
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/",
        ["ApplicationInsights__EnableAdaptiveSampling"] = "false",
    };

    public static Command Create()
    {
        var command = new Command(Name, "One side of cost, driven over standard input (started by cost).") { Side, ToolOptions.Storage, ToolOptions.Settings };
        command.Hidden = true;
        ToolOptions.Require(command, ToolOptions.Storage);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed)
    {
        if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is not { } setup)
        {
            return 1;
        }

        var (side, storage) = (parsed.GetValue(Side), parsed.GetRequiredValue(ToolOptions.Storage));
        var table = new TableClient(storage, $"cost{side}{Guid.NewGuid():N}"[..20]);
        InProcessApp.ApplySettings(setup.Settings, storage, new Dictionary<string, string>(Telemetry) { ["Revocation__TableName"] = table.Name });
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        var telemetry = new CountingChannel();
        using var host = await SideHost.StartAsync(side, table, builder =>
        {
            builder.Services.AddSingleton<ITelemetryChannel>(telemetry);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(_ => false);
        }, CancellationToken.None).ConfigureAwait(false);
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var numbers = line.Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
            // Made before the window opens; a product token is signed with HMAC, as a client's would be.
            var inputs = Enumerable.Range(0, numbers[0]).Select(i => side == CostSide.Product ? setup.Minter.Mint("user" + i, Guid.NewGuid().ToString(), null) : TokenFamily.FromRootId(Guid.NewGuid().ToString())).ToArray();
            // The previous batch's garbage is collected before the window opens, so that it is not charged to this one.
            GC.Collect();
            telemetry.Items.Clear();
            var (cpu, allocated) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(precise: true));
            var report = await LoadRunner.RunAsync(inputs, numbers[1], (input, ct) => SideHost.CallAsync(side, host.Services, input, ct), CancellationToken.None).ConfigureAwait(false);
            var cost = new BatchCost(inputs.Length, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocated, report.Elapsed.TotalMilliseconds, new(report.Outcomes), new(telemetry.Items));
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(cost)).ConfigureAwait(false);
        }

        await host.StopAsync().ConfigureAwait(false);
        return 0;
    }
}
