using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry, for a server (<see cref="VideoConfFactory.Logs"/>, as a logger provider) or for one class
/// under test (<see cref="LoggerFor{T}"/>), so tests can scan what was logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Every entry as one line: level, category, message, its properties and the exception.</summary>
    public IReadOnlyList<string> Lines => _entries.Select(e => e.Line).ToList();

    /// <summary>The lines of entries at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<string> LinesAtLeast(LogLevel level) => _entries.Where(e => e.Level >= level).Select(e => e.Line).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>A logger for <typeparamref name="T"/> that writes here.</summary>
    public ILogger<T> LoggerFor<T>() => new Logger<T>(typeof(T).FullName!, _entries);

    public void Dispose()
    {
    }

    private class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            entries.Enqueue(new LogEntry(logLevel, category, message, $"{logLevel} {category}: {message} [{properties}] {exception}"));
        }
    }

    private sealed class Logger<T>(string category, ConcurrentQueue<LogEntry> entries) : Logger(category, entries), ILogger<T>;
}
