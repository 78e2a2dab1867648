using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Microsoft.Extensions.Options;
using SessionFunctions.SignOut;
using SessionFunctions.Telemetry;

namespace SessionFunctions.Tests.Infra;

/// <summary>
/// The alerts infra/modules/alerts.bicep deploys query exactly the metric, dimension and log event names the code
/// emits: renaming one in <see cref="SessionMetrics"/> or <c>SessionLog</c> without its alert fails here.
/// </summary>
public sealed partial class AlertRuleTests
{
    /// <summary>The Application Insights logger's key for the event name (Microsoft.Extensions.Logging.ApplicationInsights).</summary>
    private const string EventNameKey = "EventName";

    private static readonly Type LogCatalogue = typeof(SessionMetrics).Assembly.GetType("SessionFunctions.Telemetry.SessionLog", throwOnError: true)!;

    [Fact]
    public void There_is_one_enabled_log_alert_on_application_insights_per_alert_the_readme_lists()
    {
        Assert.Equal(
            ["storage-unavailable", "shed", "unexpected-error", "credential-invalid-jump", "sso-url-missing", "cleanup-missing"],
            Rules().Select(r => (string)r["name"]!));

        var resource = CompiledTemplate.Main.The("Microsoft.Insights/scheduledQueryRules");
        Assert.Equal("[length(variables('rules'))]", (string?)resource["copy"]!["count"]);
        Assert.Null(resource["condition"]);
        Assert.Equal("LogAlert", (string?)resource["kind"]);
        var properties = resource["properties"]!;
        Assert.True((bool)properties["enabled"]!);
        Assert.Equal("[parameters('applicationInsightsId')]", (string?)Assert.Single(properties["scopes"]!.AsArray()));
        Assert.Contains("monitoring').outputs.applicationInsightsId.value", CompiledTemplate.ModuleArgument("alerts", "applicationInsightsId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_metric_dimension_and_log_event_the_queries_use_is_one_the_code_emits()
    {
        var metrics = StringConstants(typeof(SessionMetrics)).Where(c => c.Value.StartsWith("sessionfunctions.", StringComparison.Ordinal)).Select(c => c.Value).ToHashSet();
        var dimensions = new HashSet<string> { SessionMetrics.OutcomeDimension, SessionMetrics.CodeDimension, SessionMetrics.ReturnedDimension, EventNameKey };
        var outcomes = StringConstants(typeof(SessionMetrics)).Where(c => c.Name.StartsWith("Outcome", StringComparison.Ordinal) && !c.Name.EndsWith("Dimension", StringComparison.Ordinal)).Select(c => c.Value).ToHashSet();
        var codes = typeof(ApiCode).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => ((int)f.GetRawConstantValue()!).ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var events = Events().Select(e => e.EventName!).ToHashSet();
        var used = new List<(string Kind, string Value)>();

        foreach (var rule in Rules())
        {
            var name = (string)rule["name"]!;
            var query = QueryText(rule["query"]!);
            var ruleMetrics = MetricName().Matches(query).Select(m => m.Groups[1].Value).ToList();
            var ruleEvents = new List<string>();
            Assert.All(ruleMetrics, m => Assert.True(metrics.Contains(m), $"{name}: metric '{m}' is not a SessionMetrics instrument"));
            Assert.All(Dimension().Matches(query).Select(m => m.Groups[1].Value), d => Assert.True(dimensions.Contains(d), $"{name}: dimension '{d}' is not one the code writes"));
            foreach (Match comparison in DimensionComparison().Matches(query))
            {
                var (dimension, value) = (comparison.Groups[1].Value, comparison.Groups[2].Value);
                used.Add((dimension, value));
                var known = dimension switch
                {
                    SessionMetrics.OutcomeDimension => outcomes.Contains(value),
                    SessionMetrics.CodeDimension => codes.Contains(value),
                    SessionMetrics.ReturnedDimension => bool.TryParse(value, out _),
                    EventNameKey => events.Contains(value),
                    _ => false,
                };
                Assert.True(known, $"{name}: {dimension} == '{value}' is not a value the code emits");
                if (dimension == EventNameKey)
                {
                    ruleEvents.Add(value);
                }
            }

            Assert.True(ruleMetrics.Count + ruleEvents.Count > 0, $"{name} names no metric and no log event of the app");
        }

        // The matchers found what the alerts are about (an unmatched query would check nothing).
        Assert.Contains((SessionMetrics.OutcomeDimension, SessionMetrics.OutcomeStorageUnavailable), used);
        Assert.Contains((SessionMetrics.OutcomeDimension, SessionMetrics.OutcomeShed), used);
        Assert.Contains((SessionMetrics.OutcomeDimension, SessionMetrics.OutcomeError), used);
        Assert.Contains((SessionMetrics.CodeDimension, ApiCode.CredentialInvalid.ToString(CultureInfo.InvariantCulture)), used);
        Assert.Contains((EventNameKey, "UnknownConnector"), used);
        Assert.Contains((EventNameKey, "CleanupRan"), used);
    }

    /// <summary>Per-sign-out Information lines may be filtered out to save cost, so no alert may depend on them.</summary>
    [Fact]
    public void Alerts_read_only_warnings_errors_and_the_clean_up_line()
    {
        var levels = Events().ToDictionary(e => e.EventName!, e => e.Level);
        var queried = Rules().SelectMany(r => DimensionComparison().Matches(QueryText(r["query"]!)))
            .Where(m => m.Groups[1].Value == EventNameKey)
            .Select(m => m.Groups[2].Value)
            .ToList();

        Assert.NotEmpty(queried);
        Assert.All(queried, e => Assert.True(levels[e] >= LogLevel.Warning || e == "CleanupRan", $"{e} is logged at {levels[e]}"));
    }

    [Fact]
    public void Severities_thresholds_and_windows_default_to_the_readme()
    {
        var variables = CompiledTemplate.ModuleTemplate("alerts")["variables"]!;
        Assert.Equal(1, Default(variables["severity"]!["storageUnavailable"]!));
        Assert.Equal(2, Default(variables["severity"]!["shed"]!));
        Assert.Equal(1, Default(variables["severity"]!["unexpectedError"]!));
        Assert.Equal(3, Default(variables["severity"]!["credentialInvalid"]!));
        Assert.Equal("PT5M", DefaultText(variables["window"]!["storageUnavailable"]!));
        Assert.Equal("PT5M", DefaultText(variables["window"]!["shed"]!));
        Assert.Equal("PT2H", DefaultText(variables["window"]!["cleanupMissing"]!));

        var rules = Rules().ToDictionary(r => (string)r["name"]!);
        Assert.Equal(("GreaterThan", 0), (Text(rules["storage-unavailable"]["operator"]!), (int)rules["storage-unavailable"]["threshold"]!));
        Assert.Equal(("GreaterThan", 0), (Text(rules["unexpected-error"]["operator"]!), (int)rules["unexpected-error"]["threshold"]!));
        Assert.Equal(5, Default(rules["shed"]["threshold"]!));
        Assert.Equal(("LessThan", 1), (Text(rules["cleanup-missing"]["operator"]!), (int)rules["cleanup-missing"]["threshold"]!));

        // The settings reach the module from main.bicep's one typed parameter.
        Assert.Equal("#/definitions/alertSettings", (string?)CompiledTemplate.Main.Root["parameters"]!["alerts"]!["$ref"]);
        Assert.Contains("parameters('alerts')", CompiledTemplate.ModuleArgument("alerts", "settings"), StringComparison.Ordinal);
    }

    [Fact]
    public void Receivers_are_parameters_and_without_one_there_is_no_action_group_but_the_rules_stay()
    {
        var variables = CompiledTemplate.ModuleTemplate("alerts")["variables"]!;
        Assert.Equal("[or(not(empty(parameters('emailAddresses'))), not(empty(parameters('webhookUrl'))))]", (string?)variables["hasReceivers"]);
        Assert.StartsWith("[if(variables('hasReceivers'), createArray(resourceId('Microsoft.Insights/actionGroups'", (string?)variables["actionGroups"], StringComparison.Ordinal);
        Assert.EndsWith("createArray())]", (string?)variables["actionGroups"], StringComparison.Ordinal);

        var group = CompiledTemplate.Main.The("Microsoft.Insights/actionGroups");
        Assert.Equal("[variables('hasReceivers')]", (string?)group["condition"]);
        Assert.Contains("parameters('emailAddresses')", CompiledTemplate.Json(group["properties"]!), StringComparison.Ordinal);
        Assert.Contains("parameters('webhookUrl')", (string?)group["properties"]!["webhookReceivers"], StringComparison.Ordinal);
        Assert.Equal("[variables('actionGroups')]", (string?)CompiledTemplate.Main.The("Microsoft.Insights/scheduledQueryRules")["properties"]!["actions"]!["actionGroups"]);

        Assert.Equal("securestring", (string?)CompiledTemplate.Main.Root["parameters"]!["alertWebhookUrl"]!["type"]);
        Assert.Empty(CompiledTemplate.Main.Root["parameters"]!["alertEmailAddresses"]!["defaultValue"]!.AsArray());
    }

    /// <summary>The queries filter traces on customDimensions.EventName: the key this logger writes, checked on the real one.</summary>
    [Fact]
    public void The_application_insights_logger_writes_the_event_name_the_alerts_filter_on()
    {
        var channel = new CapturingChannel();
        using var configuration = new TelemetryConfiguration { TelemetryChannel = channel, ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000" };
        using var provider = new ApplicationInsightsLoggerProvider(Options.Create(configuration), Options.Create(new ApplicationInsightsLoggerOptions()));

        SessionLog.UnknownConnector(provider.CreateLogger("SessionFunctions.SignOut.SignOutFunction"), "corp");

        var trace = Assert.IsType<TraceTelemetry>(Assert.Single(channel.Sent));
        Assert.Equal("UnknownConnector", trace.Properties[EventNameKey]);
    }

    private static IEnumerable<JsonObject> Rules() =>
        CompiledTemplate.ModuleTemplate("alerts")["variables"]!["rules"]!.AsArray().OfType<JsonObject>();

    /// <summary>The query's text: a literal, or every string literal of the ARM expression that builds it.</summary>
    private static string QueryText(JsonNode query)
    {
        var value = (string)query!;
        return value.StartsWith('[')
            ? string.Join("\n", ArmStringLiteral().Matches(value).Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)))
            : value;
    }

    private static int Default(JsonNode expression) =>
        int.Parse(CoalesceDefault().Match((string)expression!).Groups[1].Value, CultureInfo.InvariantCulture);

    private static string DefaultText(JsonNode expression) =>
        CoalesceDefault().Match((string)expression!).Groups[1].Value.Trim('\'');

    private static string Text(JsonNode node) => (string)node!;

    private static IEnumerable<(string Name, string Value)> StringConstants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    private static IEnumerable<LoggerMessageAttribute> Events() =>
        LogCatalogue.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>();

    [GeneratedRegex(@"\bname == '([^']+)'")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"customDimensions\.(\w+)")]
    private static partial Regex Dimension();

    // tostring(customDimensions.outcome) == 'shed', tostring(customDimensions.returned) =~ 'false'
    [GeneratedRegex(@"customDimensions\.(\w+)\)?\s*(?:==|=~)\s*'([^']*)'")]
    private static partial Regex DimensionComparison();

    [GeneratedRegex(@"'((?:[^']|'')*)'")]
    private static partial Regex ArmStringLiteral();

    // coalesce(tryGet(parameters('settings'), 'shedSeverity'), 2)
    [GeneratedRegex(@"coalesce\(tryGet\(parameters\('settings'\), '\w+'\), ('[^']*'|\d+)\)")]
    private static partial Regex CoalesceDefault();

    private sealed class CapturingChannel : ITelemetryChannel
    {
        public List<ITelemetry> Sent { get; } = [];

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => Sent.Add(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
