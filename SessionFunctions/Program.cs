var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Logging.KeepApplicationInsightsInformationLogs();
builder.Services.AddSessionFunctions(builder.Configuration);
builder.Build().Run();
