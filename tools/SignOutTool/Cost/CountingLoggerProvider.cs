using Microsoft.Extensions.Logging;

namespace SignOutTool.Cost;

/// <summary>Counts the log records that pass the app's filters; writes nothing, allocates nothing per record.</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider, ILogger
{
    private long _records;

    public long Records => Interlocked.Read(ref _records);

    public void Reset() => Interlocked.Exchange(ref _records, 0);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Interlocked.Increment(ref _records);

    public void Dispose()
    {
    }
}
