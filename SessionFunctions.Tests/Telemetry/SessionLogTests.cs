using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.Telemetry;

/// <summary>
/// One log catalogue: every event the app writes is declared in <c>SessionLog</c> with a unique id and name, and the
/// operators' Logs table (docs/operations.md) lists the same events, so an operator's query by id or name finds what
/// the code writes.
/// </summary>
public sealed partial class SessionLogTests
{
    private static readonly Type Catalogue = typeof(SignOutFunction).Assembly.GetType("SessionFunctions.Telemetry.SessionLog", throwOnError: true)!;

    [Fact]
    public void Every_log_event_of_the_app_is_in_the_catalogue()
    {
        var declaringTypes = typeof(SignOutFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null)
            .Select(m => m.DeclaringType!)
            .Distinct();

        Assert.Equal([Catalogue], declaringTypes);
    }

    [Fact]
    public void Every_event_has_its_own_id_and_name()
    {
        var events = Events().ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.EventName), $"event {e.EventId} has no name"));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(events.Count, events.Select(e => e.EventName).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_operations_logs_table_is_the_catalogue()
    {
        var operations = File.ReadAllText(RepositoryRoot.Combine("docs", "operations.md"));
        var documented = LogRow().Matches(operations).Select(m => $"{m.Groups["id"].Value} {m.Groups["name"].Value} {m.Groups["level"].Value}");

        Assert.Equal(Events().OrderBy(e => e.EventId).Select(e => $"{e.EventId} {e.EventName} {e.Level}"), documented);
    }

    private static IEnumerable<LoggerMessageAttribute> Events() =>
        Catalogue.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>();

    // "| 1 | `SignedOut` | Debug | ..." in the Logs table of docs/operations.md.
    [GeneratedRegex(@"^\| (?<id>\d+) \| `(?<name>\w+)` \| (?<level>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex LogRow();
}
