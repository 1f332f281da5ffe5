using Microsoft.Extensions.Logging;

namespace S3Client.Core.Tests.TestSupport;

/// <summary>Captures log entries (with their structured state) for assertions.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<LogEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add(new LogEntry(logLevel, eventId, formatter(state, exception), state?.ToString(), exception));
        }
    }
}

public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, string? State, Exception? Exception);
