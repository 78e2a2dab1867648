using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SignOutTool.Cost;

namespace SessionFunctions.Tests.Tools;

/// <summary>The settings the cost sides add keep telemetry on and take adaptive sampling out, so that every item is counted.</summary>
public sealed class CostTelemetryTests
{
    [Fact]
    public void The_cost_sides_run_the_worker_telemetry_without_adaptive_sampling()
    {
        Assert.False(OptionsOf(SideCommand.Telemetry).EnableAdaptiveSampling);
        Assert.True(OptionsOf(SideCommand.Telemetry.Where(s => !s.Key.Contains("Sampling", StringComparison.Ordinal))).EnableAdaptiveSampling);
        Assert.Contains("IngestionEndpoint=http://127.0.0.1:9/", OptionsOf(SideCommand.Telemetry).ConnectionString, StringComparison.Ordinal);
    }

    private static ApplicationInsightsServiceOptions OptionsOf(IEnumerable<KeyValuePair<string, string>> settings)
    {
        // As command-line configuration, not environment variables, which every test in this process would share.
        var builder = SessionFunctionsApp.CreateWorkerBuilder([.. LocalSettings.AsConfiguration(settings).Select(s => $"--{s.Key}={s.Value}")]);
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ApplicationInsightsServiceOptions>>().Value;
    }
}
