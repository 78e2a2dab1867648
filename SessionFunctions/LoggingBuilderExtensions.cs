using Microsoft.Extensions.Logging;

namespace SessionFunctions;

/// <summary>Logging set-up for the worker.</summary>
internal static class LoggingBuilderExtensions
{
    private const string ApplicationInsightsProvider =
        "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// The worker's Application Insights integration adds a rule that keeps only warnings; removing it lets the
    /// app's own information logs (sign-out outcomes) reach Application Insights, filtered by host.json levels.
    /// </summary>
    public static ILoggingBuilder KeepApplicationInsightsInformationLogs(this ILoggingBuilder logging)
    {
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return logging;
    }
}
