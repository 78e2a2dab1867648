using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SessionFunctions;
using SessionFunctions.Revocation;

namespace SignOutTool.Cost;

/// <summary>
/// One side of <c>cost</c> in a process of its own, driven batch by batch over standard input (a line
/// <c>REQUESTS CONCURRENCY</c> in, a <see cref="BatchCost"/> as one JSON line out): the worker's telemetry listens to
/// every HttpClient in its process, so two sides in one process would charge each other. Both sides get the same
/// settings, log alike (counted, never to the console: standard output is the batch channel) and export their
/// telemetry to a sink of their own.
/// </summary>
internal static class SideCommand
{
    public const string Name = "cost-side";

    public static readonly Option<CostSide> Side = new("--side") { Description = "Which side this process runs." };

    public static readonly Option<string> Table = new("--table") { Description = "The table this side writes.", HelpName = "NAME" };

    public static readonly Option<string[]> Set = new("--set") { Description = "An app setting for the product to try, e.g. Logging__LogLevel__SessionFunctions=Warning (repeatable).", HelpName = "NAME=VALUE" };

    public static Command Create()
    {
        var command = new Command(Name, "One side of cost, driven over standard input (started by cost).") { Side, ToolOptions.Storage, Table, Set, ToolOptions.Settings };
        command.Hidden = true;
        ToolOptions.Require(command, ToolOptions.Storage);
        ToolOptions.Require(command, Table);
        command.SetAction(async parsed =>
        {
            if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is not { } setup)
            {
                return 1;
            }

            var (product, storage, tableName) = (parsed.GetValue(Side) == CostSide.Product, parsed.GetRequiredValue(ToolOptions.Storage), parsed.GetRequiredValue(Table));
            await using var sink = await TelemetrySink.StartAsync().ConfigureAwait(false);
            var settings = new Dictionary<string, string> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = sink.ConnectionString, ["Revocation__TableName"] = tableName };
            foreach (var pair in (product ? parsed.GetValue(Set) ?? [] : []).Select(s => s.Split('=', 2)))
            {
                settings[pair[0]] = pair.ElementAtOrDefault(1) ?? string.Empty;
            }

            InProcessApp.ApplySettings(setup.Settings, storage, settings);
            var table = new TableClient(storage, tableName);
            try
            {
                await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or AggregateException)
            {
                await Console.Error.WriteLineAsync($"{Name}: the table could not be created ({exception.GetType().Name}).").ConfigureAwait(false);
                return 3;
            }

            var builder = product ? SessionFunctionsApp.CreateBuilder([]) : InsertFunction.CreateBuilder(table);
            var logs = new CountingLoggerProvider();
            builder.Logging.AddFilter<ConsoleLoggerProvider>(_ => false).AddProvider(logs);
            using var host = builder.Build();
            var telemetry = host.Services.GetService<TelemetryClient>();
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                var numbers = line.Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
                // Prepared before the measured window; a product token is signed with HMAC, as a client's would be.
                var inputs = Enumerable.Range(0, numbers[0]).Select(i => product ? setup.Minter.Mint("user" + i, Guid.NewGuid().ToString(), null) : TokenFamily.FromRootId(Guid.NewGuid().ToString())).ToArray();
                var cost = await BatchCost.MeasureAsync(inputs, numbers[1], product ? (token, ct) => InProcessApp.SignOutAsync(host.Services, token, ct) : (family, ct) => InsertFunction.CallAsync(host.Services, family, ct), telemetry, logs, sink).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(cost)).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
