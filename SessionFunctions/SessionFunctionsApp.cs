using Microsoft.Extensions.Logging;

namespace SessionFunctions;

/// <summary>The composition root: what Program.cs runs, and what a test can build without the Functions host.</summary>
public static class SessionFunctionsApp
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        builder.Logging.KeepApplicationInsightsInformationLogs();
        // Azure SDK clients (Azure.Identity among them) log every request at Information; only their problems matter.
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Services.AddSessionFunctions(builder.Configuration);
        return builder;
    }
}
