using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Distributed.Describing.Tests.OpenAi;

/// <summary>One captured log entry: category, event, rendered text (exception included) and structured values.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text, IReadOnlyList<KeyValuePair<string, object?>> Values);

/// <summary>Captures every log entry at every level, scopes included in the text.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue(new CapturedLog(category, LogLevel.Trace, default, $"scope: {state}", Values(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = Values(state);
            var text = $"{formatter(state, exception)} {exception} {string.Join(" ", values.Select(v => $"{v.Key}={v.Value}"))}";
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, text, values));
        }

        private static IReadOnlyList<KeyValuePair<string, object?>> Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
    }
}
