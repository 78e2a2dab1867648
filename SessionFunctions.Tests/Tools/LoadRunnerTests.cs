using SignOutTool;

namespace SessionFunctions.Tests.Tools;

/// <summary>The load tool's measuring: counts, outcomes, and nearest-rank percentiles.</summary>
public sealed class LoadRunnerTests
{
    [Fact]
    public async Task Every_request_is_sent_once_and_outcomes_are_counted()
    {
        var tokens = Enumerable.Range(0, 200).Select(i => "t" + i).ToArray();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();

        var report = await LoadRunner.RunAsync(tokens, 8, (token, _) =>
        {
            seen.Add(token);
            return Task.FromResult(token.EndsWith('7') ? (200, 40020) : (200, 0));
        }, CancellationToken.None);

        Assert.Equal(tokens.Order(), seen.Order());
        Assert.Equal(200, report.Requests);
        Assert.Equal(180, report.Outcomes["200/0"]);
        Assert.Equal(20, report.Outcomes["200/40020"]);
        Assert.Equal(20, report.Errors);
    }

    [Fact]
    public async Task Transport_failures_are_errors_not_crashes()
    {
        var report = await LoadRunner.RunAsync(["a", "b"], 2, (_, _) => throw new HttpRequestException("refused"), CancellationToken.None);
        Assert.Equal(2, report.Outcomes[nameof(HttpRequestException)]);
        Assert.Equal(2, report.Errors);
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var report = new LoadReport(100, TimeSpan.FromSeconds(2), Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray(), new Dictionary<string, int> { ["200/0"] = 100 });
        Assert.Equal(50, report.Percentile(50));
        Assert.Equal(95, report.Percentile(95));
        Assert.Equal(99, report.Percentile(99));
        Assert.Equal(100, report.Percentile(100));
        Assert.Equal(50, report.Throughput);
    }

    [Theory]
    [InlineData("{\"data\":null,\"code\":40001,\"msg\":\"x\"}", 40001)]
    [InlineData("not json", -1)]
    [InlineData("{}", -1)]
    public void The_envelope_code_is_read_from_the_body(string body, int code) =>
        Assert.Equal(code, LoadCommand.CodeOf(System.Text.Encoding.UTF8.GetBytes(body)));
}
