using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SignOutTool.Cost;

/// <summary>Counts the log records that pass the app's filters, by category and level; writes nothing.</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<(string Category, LogLevel Level), long> _records = new();

    public IReadOnlyDictionary<(string Category, LogLevel Level), long> Records => _records;

    public bool Counting { get; set; }

    public void Reset() => _records.Clear();

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(CountingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner.Counting)
            {
                owner._records.AddOrUpdate((category, logLevel), 1, (_, n) => n + 1);
            }
        }
    }
}
