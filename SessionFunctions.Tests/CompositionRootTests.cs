using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.Tests;

/// <summary>The real composition root (Functions builder, Application Insights, logging) builds and validates.</summary>
public sealed class CompositionRootTests
{
    // As the host hands it to the worker: present when the builder is created (the metric exporter is added then).
    private static readonly string[] WithApplicationInsights =
        ["--APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/"];

    [Fact]
    public void The_worker_composes_and_its_options_validate_with_the_sample_settings()
    {
        using var host = Worker(SampleSettingsTests.SampleValues()).Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var function = ActivatorUtilities.CreateInstance<SignOutFunction>(host.Services);

        Assert.NotNull(function);
        var filters = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
        Assert.DoesNotContain(filters.Rules, r => r.ProviderName?.Contains("ApplicationInsights", StringComparison.Ordinal) == true && r.LogLevel == LogLevel.Warning);
    }

    /// <summary>
    /// The telemetry pipeline chosen by measurement (docs/performance.md): the worker's Application Insights SDK,
    /// with the Azure SDK's per-request logs off, adaptive sampling settable by app setting, and the app's meter
    /// exported through the Azure Monitor exporter.
    /// </summary>
    [Fact]
    public void The_chosen_telemetry_wiring_is_active_in_the_composition_the_worker_builds()
    {
        var sample = SampleSettingsTests.SampleValues();
        sample["ApplicationInsights__EnableAdaptiveSampling"] = "false";
        using var host = Worker(sample, WithApplicationInsights).Build();

        Assert.NotNull(host.Services.GetService<Microsoft.ApplicationInsights.TelemetryClient>());
        Assert.False(host.Services.GetRequiredService<IOptions<Microsoft.ApplicationInsights.WorkerService.ApplicationInsightsServiceOptions>>().Value.EnableAdaptiveSampling);
        Assert.False(host.Services.GetRequiredService<IOptionsMonitor<Azure.Data.Tables.TableClientOptions>>().Get("Default").Diagnostics.IsLoggingEnabled);
        var filters = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
        Assert.Contains(filters.Rules, r => r.CategoryName == "Azure" && r.LogLevel == LogLevel.Warning && r.ProviderName is null);
        Assert.NotNull(host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    /// <summary>
    /// The README's cost knob: one app setting turns the app's Information lines (one outcome per sign-out, each an
    /// Application Insights trace) off for every logger whose provider has no rule of its own, as the worker's
    /// Application Insights provider has none once the composition removes its warning-only rule.
    /// </summary>
    [Theory]
    [InlineData(null, 2)]
    [InlineData("Warning", 1)]
    public void Logging__LogLevel__SessionFunctions_sets_the_floor_of_the_apps_own_lines(string? level, int expected)
    {
        var sample = SampleSettingsTests.SampleValues();
        if (level is not null)
        {
            sample["Logging__LogLevel__SessionFunctions"] = level;
        }

        var builder = Worker(sample, WithApplicationInsights);
        builder.Logging.AddFakeLogging();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<SignOutFunction>>();

        SessionLog.SignedOut(logger, "root-x", RevocationOutcome.Revoked, hasSsoUrl: false);
        SessionLog.Shed(logger, "queue full");

        var records = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Equal(expected, records.Count);
        Assert.Contains(records, r => r.Level == LogLevel.Warning);
    }

    [Fact]
    public void The_worker_refuses_to_start_without_a_signing_key()
    {
        var builder = SessionFunctionsApp.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RevocationStorage"] = "UseDevelopmentStorage=true" });
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("RefreshToken__SigningKeys__0__Secret", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The worker's builder as Program.cs makes it, with the app settings Core Tools hands over as environment variables, the environment name included.</summary>
    private static FunctionsApplicationBuilder Worker(Dictionary<string, string> appSettings, string[]? args = null)
    {
        var builder = SessionFunctionsApp.CreateBuilder(args ?? []);
        builder.Environment.EnvironmentName = appSettings["AZURE_FUNCTIONS_ENVIRONMENT"];
        builder.Configuration.AddInMemoryCollection(LocalSettings.AsConfiguration(appSettings));
        return builder;
    }
}
