using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ContactCenter.Data;

/// <summary>
/// Retries a unit of work on the dialect's transient errors with exponential backoff and jitter, a
/// bounded number of times, logging each retry. Anything else, cancellation included, is not retried.
/// </summary>
internal sealed partial class TransientRetry
{
    private readonly SqlDialect _dialect;
    private readonly DatabaseRetryOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public TransientRetry(SqlDialect dialect, DatabaseRetryOptions options, ILogger logger, TimeProvider time)
    {
        _dialect = dialect;
        _options = options;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DbException>(dialect.IsTransient),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = args =>
                {
                    var error = (DbException)args.Outcome.Exception!;
                    LogRetrying(_logger, _dialect.Provider, SqlDialect.ErrorCode(error), args.AttemptNumber + 1, _options.MaxAttempts,
                        (long)args.RetryDelay.TotalMilliseconds, error.Message);
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await _pipeline.ExecuteAsync(async token => await work(token), ct);
        }
        catch (DbException e) when (_dialect.IsTransient(e))
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogGaveUp(_logger, _dialect.Provider, SqlDialect.ErrorCode(e), _options.MaxAttempts, (long)elapsed.TotalMilliseconds);
            throw new TransientDatabaseException(
                $"{_dialect} still failing after {_options.MaxAttempts} attempt(s) over {elapsed.TotalSeconds:0.0} s " +
                $"(error {SqlDialect.ErrorCode(e)}: {e.Message}); raise Database:Retry:MaxAttempts or find what holds the database", e);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Transient {Provider} error {ErrorCode} (attempt {Attempt} of {MaxAttempts}), retrying in {DelayMs} ms: {Error}")]
    private static partial void LogRetrying(ILogger logger, DatabaseProvider provider, int errorCode, int attempt, int maxAttempts, long delayMs, string error);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error,
        Message = "Giving up on {Provider} after {MaxAttempts} attempts over {ElapsedMs} ms, last error {ErrorCode}")]
    private static partial void LogGaveUp(ILogger logger, DatabaseProvider provider, int errorCode, int maxAttempts, long elapsedMs);
}
