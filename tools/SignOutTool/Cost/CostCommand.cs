using System.Globalization;
using System.Text;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SignOutTool.Cost;

/// <summary>
/// The cost of one sign-out beside its floor, a bare table insert, in one run against the same storage: the
/// product composed exactly as Program.cs composes it (telemetry on, exporting to a loopback sink) and driven as
/// the worker drives it, alternating batch by batch with the floor. Reports CPU time, bytes allocated, log records
/// and telemetry items per sign-out, throughput and p99, and the ratios product/floor against the targets.
/// </summary>
internal static class CostCommand
{
    private const double CpuTarget = 1.15;
    private const double AllocationTarget = 1.25;
    private const double ThroughputTarget = 0.9;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var storage = arguments.Value("--storage");
        if (storage is null || ToolSetup.Load(arguments) is not { } setup)
        {
            Console.Error.WriteLine("cost needs --storage CONNECTION (Azurite: UseDevelopmentStorage=true) and a settings file (--settings).");
            return 2;
        }

        var requests = arguments.Int("--requests", 2000);
        var concurrency = arguments.Int("--concurrency", 16);
        var rounds = arguments.Int("--rounds", 4);
        var warmUp = arguments.Int("--warmup", 4000);
        var run = Guid.NewGuid().ToString("N")[..8];

        using var temp = PrivateTempFolder.Create();
        Environment.SetEnvironmentVariable("TMPDIR", temp.Path);
        await using var sink = await TelemetrySink.StartAsync().ConfigureAwait(false);
        var logs = new CountingLoggerProvider();
        var settings = new Dictionary<string, string>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = sink.ConnectionString,
            ["Revocation__TableName"] = "costproduct" + run,
        };
        foreach (var setting in arguments.Values("--set"))
        {
            // An app setting to try, e.g. --set ApplicationInsights__EnableAdaptiveSampling=false; an empty value removes it.
            var (name, value) = (setting.Split('=', 2)[0], setting.Split('=', 2).ElementAtOrDefault(1) ?? string.Empty);
            settings[name] = value;
        }

        await using var app = InProcessApp.Create(setup.Settings, storage, settings, logging => logging.AddProvider(logs));
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var telemetry = app.Services.GetService<TelemetryClient>();
        var meters = app.Services.GetService<MeterProvider>();
        var traces = app.Services.GetService<TracerProvider>();
        var logProvider = app.Services.GetService<LoggerProvider>();

        // Whichever pipeline the composition has: what the exporters would send is sent, and charged, in the window.
        async Task FlushTelemetryAsync()
        {
            if (telemetry is not null)
            {
                await telemetry.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }

            traces?.ForceFlush();
            logProvider?.ForceFlush();
            meters?.ForceFlush();
        }

        using var floorSet = FloorSet.Start(storage, run);
        var floors = floorSet.All;

        // Every token is minted before anything is measured: minting signs with HMAC too, and what it leaves for the
        // finalizer must not land in a measured window.
        var minted = new Queue<string>(Enumerable.Range(0, warmUp + (rounds * requests)).Select(i => setup.Minter.Mint("user" + i, Guid.NewGuid().ToString(), null)));
        string[] Tokens(int count) => Enumerable.Range(0, count).Select(_ => minted.Dequeue()).ToArray();

        // Long enough for tiered compilation to finish on both sides: the product loads far more code than the floor.
        Console.WriteLine($"warm-up: {warmUp} sign-outs and {warmUp} inserts on each floor at concurrency {concurrency}");
        var warm = await BatchCost.MeasureAsync(Tokens(warmUp), concurrency, app.SignOutAsync, FlushTelemetryAsync).ConfigureAwait(false);
        BatchCost[] warmFloors;
        try
        {
            warmFloors = await Task.WhenAll(floors.Select(f => f.Process.RunAsync(warmUp, concurrency))).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine($"{exception.Message} Likely cause: " + FailureHint.For("200/50001"));
            return 3;
        }

        if (Failures(warm) > warm.Requests / 2 || warmFloors.Any(f => Failures(f) > f.Requests / 2))
        {
            var worst = warmFloors.Prepend(warm).SelectMany(b => b.Outcomes).Where(o => o.Key != "200/0").MaxBy(o => o.Value).Key;
            Console.Error.WriteLine($"Most warm-up requests failed (product {Describe(warm.Outcomes)}; floors {string.Join(" / ", warmFloors.Select(f => Describe(f.Outcomes)))}).");
            Console.Error.WriteLine("Likely cause: " + FailureHint.For(worst));
            return 3;
        }

        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        sink.Reset();
        logs.Reset();

        var product = new List<BatchCost>();
        for (var round = 0; round < rounds; round++)
        {
            // Rotate which side goes first so none always meets a warmer or fuller store.
            for (var side = 0; side <= floors.Count; side++)
            {
                var which = (round + side) % (floors.Count + 1);
                if (which == floors.Count)
                {
                    var tokens = Tokens(requests);
                    logs.Counting = true;
                    product.Add(await BatchCost.MeasureAsync(tokens, concurrency, app.SignOutAsync, FlushTelemetryAsync).ConfigureAwait(false));
                    logs.Counting = false;
                }
                else
                {
                    floors[which].Batches.Add(await floors[which].Process.RunAsync(requests, concurrency).ConfigureAwait(false));
                }
            }

            Console.WriteLine($"round {round + 1}/{rounds}: product {PerRequest(product[^1].CpuMs, requests):F1} µs CPU, " + string.Join(", ", floors.Select(f => $"{f.Kind} floor {PerRequest(f.Batches[^1].CpuMs, requests):F1} µs")));
        }

        await FlushTelemetryAsync().ConfigureAwait(false);
        Console.WriteLine(Report(product, floorSet, logs, sink, concurrency, warmUp));
        return product.Concat(floors.SelectMany(f => f.Batches)).Sum(Failures) == 0 ? 0 : 3;
    }

    private static string Report(List<BatchCost> product, FloorSet floorSet, CountingLoggerProvider logs, TelemetrySink sink, int concurrency, int warmUp)
    {
        var floors = floorSet.All;
        var p = Totals.Of(product);
        var f = Totals.Of(floorSet.Bare.Batches);
        var successes = product.Sum(b => b.Outcomes.GetValueOrDefault("200/0"));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""

            cost per sign-out: {product.Count} batches of {product[0].Requests} per side, rotating, concurrency {concurrency}, after {warmUp} warm-up each
                                 product         floor     ratio   target
            CPU            {p.CpuUs,10:F1} µs {f.CpuUs,10:F1} µs {p.CpuUs / f.CpuUs,9:F2}   ≤ {CpuTarget:F2} {Verdict(p.CpuUs / f.CpuUs <= CpuTarget)}
            allocated      {p.AllocatedBytes,10:F0} B  {f.AllocatedBytes,10:F0} B  {p.AllocatedBytes / f.AllocatedBytes,9:F2}   ≤ {AllocationTarget:F2} {Verdict(p.AllocatedBytes / f.AllocatedBytes <= AllocationTarget)}
            throughput     {p.Throughput,10:F0} /s {f.Throughput,10:F0} /s {p.Throughput / f.Throughput,9:F2}   ≥ {ThroughputTarget:F2} {Verdict(p.Throughput / f.Throughput >= ThroughputTarget)}
            p99            {p.P99,10:F2} ms {f.P99,10:F2} ms {p.P99 / f.P99,9:F2}
            answers        product {Describe(Merge(product))}; {string.Join("; ", floors.Select(floor => $"{floor.Kind} floor {Describe(Merge(floor.Batches))}"))}

            the same insert with more around it (telemetry: the worker's Application Insights SDK alone, sampling off;
            function: a one-insert function answering a fixed envelope in the worker as the app configures it)
                                  CPU  / bare  product/it    allocated  / bare  product/it   throughput  telemetry items per insert
            """);
        foreach (var floor in floors.Where(floor => floor.Kind != FloorKind.Bare))
        {
            var t = Totals.Of(floor.Batches);
            var items = floor.Batches.SelectMany(b => b.TelemetryItems ?? []).GroupBy(i => i.Key).Select(g => $"{(double)g.Sum(i => i.Value) / floor.Batches.Sum(b => b.Requests):F3} {g.Key}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{floor.Kind,-10} {t.CpuUs,10:F1} µs {t.CpuUs / f.CpuUs,6:F2} {p.CpuUs / t.CpuUs,11:F2} {t.AllocatedBytes,10:F0} B {t.AllocatedBytes / f.AllocatedBytes,6:F2} {p.AllocatedBytes / t.AllocatedBytes,11:F2} {t.Throughput,9:F0} /s  {string.Join(", ", items)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"""
            log records per successful sign-out (category, level):
            """);
        foreach (var ((category, level), count) in logs.Records.OrderByDescending(r => r.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(double)count / successes,6:F3}  {level,-11} {category}");
        }

        if (logs.Records.Count == 0)
        {
            text.AppendLine("  none");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"telemetry items at the sink per sign-out ({sink.Batches} batches):");
        foreach (var (kind, count) in sink.Items.OrderByDescending(i => i.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(double)count / successes,6:F3}  {kind}");
        }

        if (sink.Items.Count == 0)
        {
            text.AppendLine("  none");
        }

        return text.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "NOT MET";

    private static double PerRequest(double ms, int requests) => ms * 1000 / requests;

    private static int Failures(BatchCost batch) => batch.Outcomes.Where(o => o.Key != "200/0").Sum(o => o.Value);

    private static Dictionary<string, int> Merge(IEnumerable<BatchCost> batches) =>
        batches.SelectMany(b => b.Outcomes).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));

    private static string Describe(IReadOnlyDictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));

    private sealed record Totals(double CpuUs, double AllocatedBytes, double Throughput, double P99)
    {
        public static Totals Of(List<BatchCost> batches)
        {
            var requests = batches.Sum(b => b.Requests);
            var latencies = batches.SelectMany(b => b.LatenciesMs).Order().ToArray();
            return new Totals(
                batches.Sum(b => b.CpuMs) * 1000 / requests,
                (double)batches.Sum(b => b.AllocatedBytes) / requests,
                requests / (batches.Sum(b => b.ElapsedMs) / 1000),
                latencies[Math.Clamp((int)Math.Ceiling(0.99 * latencies.Length) - 1, 0, latencies.Length - 1)]);
        }
    }
}
