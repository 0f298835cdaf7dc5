using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>
/// The product's warnings and errors during a run: counted, the first few printed as they happen (a lost AMI
/// event, a failed publish or a timed-out feature code must not hide behind a good-looking number).
/// </summary>
internal sealed class WarningLog : ILoggerProvider
{
    private const int Printed = 20;
    private readonly ConcurrentQueue<string> _entries = new();
    private int _count;
    private int _closed;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Ends the measured part: what the teardown logs (the simulator gone, connections refused) is not counted.</summary>
    public void Close() => Interlocked.Exchange(ref _closed, 1);

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string message, Exception? exception)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return;
        }
        var n = Interlocked.Increment(ref _count);
        var text = $"{level} {category}: {message}{(exception is null ? string.Empty : " (" + exception.GetType().Name + ": " + exception.Message + ")")}";
        if (n <= Printed)
        {
            _entries.Enqueue(text);
            Console.WriteLine("  [product log] " + text);
        }
        else if (n == Printed + 1)
        {
            Console.WriteLine("  [product log] … further warnings counted, not printed");
        }
    }

    private sealed class Logger(WarningLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
