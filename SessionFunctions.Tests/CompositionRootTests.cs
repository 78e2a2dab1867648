using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;

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
    /// The logging levels of docs/operations.md ("Logs"), in the worker as Program.cs composes it: the per-sign-out
    /// lines (a success, a refusal) are Debug and the worker's default minimum level (Information) drops them, so by
    /// default a sign-out writes no record; a shed or a storage failure still writes one.
    /// <c>Logging__LogLevel__SessionFunctions=Debug</c> turns the per-sign-out lines on, <c>Warning</c> keeps them off.
    /// The function runs through the generated executor's path with only the store replaced, so every line is the one
    /// the function really writes.
    /// </summary>
    [Theory]
    [InlineData(null, 0)]
    [InlineData("Debug", 1)]
    [InlineData("Information", 0)]
    [InlineData("Warning", 0)]
    public async Task Per_sign_out_lines_are_off_by_default_and_one_app_setting_turns_them_on(string? level, int linesPerSignOut)
    {
        var sample = SampleSettingsTests.SampleValues();
        if (level is not null)
        {
            sample["Logging__LogLevel__SessionFunctions"] = level;
        }

        var store = new InMemoryRevocationStore();
        var builder = Worker(sample, WithApplicationInsights);
        builder.Services.Replace(ServiceDescriptor.Singleton<IRevocationStore>(store));
        builder.Logging.AddFakeLogging();
        using var host = builder.Build();
        var collector = host.Services.GetRequiredService<FakeLogCollector>();
        var token = RefreshTokens.Mint(
            RefreshTokens.Claims("lpua", Guid.NewGuid().ToString(), connector: null, DateTimeOffset.UtcNow),
            sample["RefreshToken__SigningKeys__0__Secret"],
            sample["RefreshToken__SigningKeys__0__Id"]);

        Assert.Equal(ApiCode.Success, await SignOutCodeAsync(host.Services, token));
        Assert.Equal(linesPerSignOut, AppRecords(collector).Count);
        collector.Clear();

        Assert.Equal(ApiCode.CredentialInvalid, await SignOutCodeAsync(host.Services, "not-a-token"));
        Assert.Equal(linesPerSignOut, AppRecords(collector).Count);
        collector.Clear();

        store.FailWith = new RevocationWriteShedException("queue full");
        Assert.Equal(ApiCode.StorageUnavailable, await SignOutCodeAsync(host.Services, token));
        Assert.Equal(LogLevel.Warning, Assert.Single(AppRecords(collector)).Level);
        collector.Clear();

        store.FailWith = new RevocationStoreUnavailableException("storage down");
        Assert.Equal(ApiCode.StorageUnavailable, await SignOutCodeAsync(host.Services, token));
        Assert.True(Assert.Single(AppRecords(collector)).Level >= LogLevel.Warning, "a storage failure is logged at Warning or above");
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

    private static async Task<int> SignOutCodeAsync(IServiceProvider services, string token)
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"refresh_token\":\"" + token + "\"}");
        var answer = await FunctionInvocation.SignOutAsync(services, request =>
        {
            request.ContentType = "application/json";
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
        });
        using var envelope = System.Text.Json.JsonDocument.Parse(answer.Body);
        return envelope.RootElement.GetProperty("code").GetInt32();
    }

    /// <summary>The app's own records (the worker and the Azure SDK write theirs under other categories).</summary>
    private static List<FakeLogRecord> AppRecords(FakeLogCollector collector) =>
        collector.GetSnapshot().Where(r => r.Category?.StartsWith("SessionFunctions.", StringComparison.Ordinal) == true).ToList();

    /// <summary>The worker's builder as Program.cs makes it, with the app settings Core Tools hands over as environment variables, the environment name included.</summary>
    private static FunctionsApplicationBuilder Worker(Dictionary<string, string> appSettings, string[]? args = null)
    {
        var builder = SessionFunctionsApp.CreateBuilder(args ?? []);
        builder.Environment.EnvironmentName = appSettings["AZURE_FUNCTIONS_ENVIRONMENT"];
        builder.Configuration.AddInMemoryCollection(LocalSettings.AsConfiguration(appSettings));
        return builder;
    }
}
