var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Logging.KeepApplicationInsightsInformationLogs();
builder.Services.AddSignOut(builder.Configuration);
builder.Build().Run();
