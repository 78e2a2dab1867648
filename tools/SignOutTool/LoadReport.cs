using System.Globalization;

namespace SignOutTool;

/// <summary>What a load run measured: throughput, latency percentiles, and answers by outcome.</summary>
internal sealed record LoadReport(int Requests, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyDictionary<string, int> Outcomes)
{
    public double Throughput => Requests / Elapsed.TotalSeconds;

    public int Errors => Outcomes.Where(o => o.Key != FailureHint.Success).Sum(o => o.Value);

    /// <summary>Nearest-rank percentile of the latencies.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return 0;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Most answers failed: the figures would describe failures, so the report leads with the cause instead.</summary>
    public bool MostlyErrors => Errors * 2 > Requests;

    public string Describe() => MostlyErrors
        ? string.Create(CultureInfo.InvariantCulture, $"""
            most answers were errors ({Errors} of {Requests}): no throughput is reported.
            likely cause: {FailureHint.For(FailureHint.MostCommonFailure(Outcomes)!)}
            answers      {string.Join("  ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}
            """)
        : string.Create(CultureInfo.InvariantCulture, $"""
        requests     {Requests}
        elapsed      {Elapsed.TotalSeconds:F2} s
        throughput   {Throughput:F1} sign-outs/s
        latency ms   p50 {Percentile(50):F2}  p95 {Percentile(95):F2}  p99 {Percentile(99):F2}  max {Percentile(100):F2}
        answers      {string.Join("  ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}
        errors       {Errors}
        """);
}
