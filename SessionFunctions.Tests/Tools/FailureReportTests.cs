using SignOutTool;

namespace SessionFunctions.Tests.Tools;

/// <summary>When most answers fail, the tools lead with the likely cause and print no throughput.</summary>
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
}
