using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Testing;

/// <summary>Collects what the server logs at Error or above, so tests can assert that nothing went wrong unseen.</summary>
public sealed class ErrorLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _errors);

    public void Dispose() { }

    private sealed class Collector(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
