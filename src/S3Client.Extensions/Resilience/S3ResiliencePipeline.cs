using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Resilience.Internal;
using Log = S3Client.Resilience.Internal.Log;

namespace S3Client;

/// <summary>
/// The S3 resilience profile: an optional total timeout, retries with exponential backoff and jitter, and a circuit
/// breaker. The attempt timeout (to response headers) belongs to the attempt itself. Used by <c>AddS3Client</c> and
/// <c>S3ClientPipeline</c>; call <see cref="Configure(ResiliencePipelineBuilder{HttpResponseMessage}, S3ClientOptions, ILogger?)"/> to build the same strategies into a pipeline of your own.
/// </summary>
public static class S3ResiliencePipeline
{
    /// <summary>Adds the S3 strategies to <paramref name="builder"/>, outermost first.</summary>
    /// <param name="builder">The pipeline builder of the resilience handler.</param>
    /// <param name="options">The client settings (retry, circuit breaker, timeouts).</param>
    /// <param name="logger">Where retries and circuit changes are logged.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, S3ClientOptions options, ILogger? logger = null) =>
        Configure(builder, options, logger, circuit: null);

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, S3ClientOptions options, ILogger? logger, S3CircuitState? circuit)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;

        if (options.Timeouts.TotalTimeout is { } total)
        {
            builder.AddTimeout(total);
        }

        // Present even with retries off: one re-signed attempt after RequestTimeTooSkewed or ExpiredToken costs nothing
        // and fixes what no caller can.
        builder.AddRetry(CreateRetry(options.Retry, logger));

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(CreateCircuitBreaker(options.CircuitBreaker, logger, circuit));
        }
    }

    private static HttpRetryStrategyOptions CreateRetry(S3RetryOptions retry, ILogger logger)
    {
        var maxRetries = retry.MaxRetryAttempts;
        return new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, maxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, maxRetries, logger)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(Delay(args.Outcome, args.AttemptNumber, retry)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var context = request is null ? null : S3RequestContext.Get(request);
                context?.RecordRetry();
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    Log.Retrying(logger, context?.Operation ?? "request", args.AttemptNumber + 2, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                }

                return default;
            },
        };
    }

    private static HttpCircuitBreakerStrategyOptions CreateCircuitBreaker(S3CircuitBreakerOptions breaker, ILogger logger, S3CircuitState? circuit) => new()
    {
        FailureRatio = breaker.FailureRatio,
        MinimumThroughput = breaker.MinimumThroughput,
        SamplingDuration = breaker.SamplingDuration,
        BreakDuration = breaker.BreakDuration,
        ShouldHandle = args => new ValueTask<bool>(S3TransientFailures.IsTransient(args.Outcome, args.Context.CancellationToken)),
        OnOpened = args =>
        {
            circuit?.Opened(args.BreakDuration);
            Log.CircuitOpened(logger, args.BreakDuration.TotalMilliseconds, Describe(args.Outcome));
            return default;
        },
        OnClosed = _ =>
        {
            Log.CircuitClosed(logger);
            return default;
        },
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext resilience, int attempt, int maxRetries, ILogger logger)
    {
        var request = resilience.GetRequestMessage();
        var context = request is null ? null : S3RequestContext.Get(request);
        var transient = attempt < maxRetries && S3TransientFailures.IsTransient(outcome, resilience.CancellationToken);
        var resign = !transient && S3TransientFailures.NeedsResign(outcome) && context?.TryClaimResign() != false;
        if (!transient && !resign)
        {
            return false;
        }

        if (request?.Content is S3PayloadContent { IsReplayable: false })
        {
            Log.NotReplayable(logger, context?.Operation ?? "request", Describe(outcome));
            return false;
        }

        return true;
    }

    // Null keeps Polly's exponential delay with decorrelated jitter. After throttling (429, 503) the delay grows from
    // MinThrottleDelay instead, with +-20 % jitter, so jitter never retries a throttled request almost at once; a
    // longer Retry-After from the service wins. A re-signed attempt goes at once.
    private static TimeSpan? Delay(Outcome<HttpResponseMessage> outcome, int attempt, S3RetryOptions retry)
    {
        if (S3TransientFailures.NeedsResign(outcome))
        {
            return TimeSpan.Zero;
        }

        if (outcome.Result is not { } response || S3Answer.FailureStatus(response) is not { } status || !S3TransientFailures.IsThrottle(status))
        {
            return null;
        }

        var exponential = retry.MinThrottleDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
        var delay = TimeSpan.FromMilliseconds(Math.Max(retry.MinThrottleDelay.TotalMilliseconds, Math.Min(jittered, retry.MaxDelay.TotalMilliseconds)));
        var retryAfter = response.Headers.RetryAfter?.Delta;
        return retryAfter > delay ? Min(retryAfter.Value, retry.MaxDelay) : delay;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? S3Answer.Of(response)?.Error?.Code is { } code ? $"HTTP {(int)(S3Answer.FailureStatus(response) ?? response.StatusCode)} {code}" : $"HTTP {(int)response.StatusCode}"
        : outcome.Exception is { } e ? $"{e.GetType().Name}: {e.Message}" : "unknown";
}
