using SignOutTool;

namespace SessionFunctions.Tests.Tools;

/// <summary>When most answers fail, the tools lead with the likely cause and print no figures.</summary>
public sealed class FailureReportTests
{
    [Fact]
    public void A_run_of_storage_failures_names_the_storage_endpoint_and_reports_no_throughput()
    {
        var report = new LoadReport(100, TimeSpan.FromSeconds(1), new double[100], new Dictionary<string, int> { ["200/50001"] = 90, ["200/0"] = 10 });

        var text = report.Describe();

        Assert.StartsWith("most answers were errors (90 of 100)", text, StringComparison.Ordinal);
        Assert.Contains("storage endpoint", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-outs/s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_against_nothing_listening_names_the_url()
    {
        var report = new LoadReport(10, TimeSpan.FromSeconds(1), new double[10], new Dictionary<string, int> { [nameof(HttpRequestException)] = 10 });

        Assert.Contains("nothing answered at the URL", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mostly_successful_run_reports_its_figures()
    {
        var report = new LoadReport(10, TimeSpan.FromSeconds(1), new double[10], new Dictionary<string, int> { ["200/0"] = 9, ["200/50001"] = 1 });

        Assert.Contains("throughput", report.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("most answers were errors", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cost_run_whose_storage_does_not_answer_exits_3_naming_storage_in_one_line_without_a_stack_trace()
    {
        // A port nothing listens on: each side fails to create its table and ends before its first batch.
        const string Storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteTable.AccountKey};TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        using var error = new StringWriter();

        var exit = await Eventually.WithinAsync(
            ToolCommandLine.InvokeAsync(["cost", "--storage", Storage, "--settings", RepositoryRoot.Combine("local.settings.sample.json"), "--warmup", "1"], TextWriter.Null, error),
            TimeSpan.FromSeconds(90),
            "cost to give up on storage");

        Assert.Equal(3, exit);
        // The side's own reason, then the hint.
        Assert.Contains("A side ended before it answered (", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("(127.0.0.1:9)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("storage unavailable", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
