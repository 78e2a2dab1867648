using Microsoft.Extensions.Logging;

namespace SessionFunctions;

/// <summary>The composition root: what Program.cs runs, and what a test can build without the Functions host.</summary>
public static class SessionFunctionsApp
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = CreateWorkerBuilder(args);
        builder.Services.AddSessionFunctions(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The worker as this app configures it (ASP.NET Core integration, Application Insights, log filters) without the
    /// app's own services: what any function of this app runs inside, so the cost measurement's one-insert function
    /// pays exactly what sign-out pays around it.
    /// </summary>
    public static FunctionsApplicationBuilder CreateWorkerBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        builder.Logging.KeepApplicationInsightsInformationLogs();
        // Azure SDK clients (Azure.Identity among them) log every request at Information; only their problems matter.
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        return builder;
    }
}
