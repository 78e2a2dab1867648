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
        builder.Services.AddSessionFunctions(builder.Configuration);
        return builder;
    }
}
