using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Telemetry;
using S3Client.Resilience.Internal;

namespace S3Client;

/// <summary>
/// The S3 resilience profile: an optional total timeout, retries with exponential backoff and jitter, a circuit
/// breaker, and an attempt timeout that grows with the body size. Used by <c>AddS3Client</c>; call
/// <see cref="Configure"/> to build the same pipeline yourself.
/// </summary>
public static class S3ResiliencePipeline
{
    /// <summary>Adds the S3 strategies to <paramref name="builder"/>, outermost first.</summary>
    /// <param name="builder">The pipeline builder of the resilience handler.</param>
    /// <param name="options">The client settings (retry, circuit breaker, timeouts).</param>
    /// <param name="logger">Where retries and circuit changes are logged.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, S3ClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;

        if (options.Timeouts.TotalTimeout is { } total)
        {
            builder.AddTimeout(total);
        }

        if (options.Retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(options.Retry, logger));
        }

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(CreateCircuitBreaker(options.CircuitBreaker, logger));
        }

        var timeouts = options.Timeouts;
        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Timeout = timeouts.AttemptTimeout,
            TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptTimeout(args.Context, timeouts)),
        });
    }

    private static TimeSpan AttemptTimeout(ResilienceContext context, S3TimeoutOptions timeouts)
    {
        var length = context.GetRequestMessage()?.Content?.Headers.ContentLength ?? 0;
        return timeouts.AttemptTimeout + TimeSpan.FromSeconds((double)length / Math.Max(1, timeouts.MinUploadBytesPerSecond));
    }

    private static HttpRetryStrategyOptions CreateRetry(S3RetryOptions retry, ILogger logger) => new()
    {
        MaxRetryAttempts = retry.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context, logger),
        DelayGenerator = args => new ValueTask<TimeSpan?>(ThrottleDelay(args.Outcome, args.AttemptNumber, retry)),
        OnRetry = args =>
        {
            Log.Retrying(logger, Operation(args.Context), args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
            return default;
        },
    };

    private static HttpCircuitBreakerStrategyOptions CreateCircuitBreaker(S3CircuitBreakerOptions breaker, ILogger logger) => new()
    {
        FailureRatio = breaker.FailureRatio,
        MinimumThroughput = breaker.MinimumThroughput,
        SamplingDuration = breaker.SamplingDuration,
        BreakDuration = breaker.BreakDuration,
        ShouldHandle = args => new ValueTask<bool>(S3TransientFailures.IsTransient(args.Outcome, args.Context.CancellationToken)),
        OnOpened = args =>
        {
            Log.CircuitOpened(logger, args.BreakDuration.TotalMilliseconds, Describe(args.Outcome));
            return default;
        },
        OnClosed = _ =>
        {
            Log.CircuitClosed(logger);
            return default;
        },
    };

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ILogger logger)
    {
        var request = context.GetRequestMessage();
        var s3 = request is null ? null : S3RequestContext.Get(request);
        var transient = S3TransientFailures.IsTransient(outcome, context.CancellationToken)
            || await IsTransientByCodeAsync(outcome.Result, s3, context.CancellationToken).ConfigureAwait(false);
        if (!transient)
        {
            return false;
        }

        if (s3 is { IsReplayable: false })
        {
            Log.NotReplayable(logger, s3.Operation, Describe(outcome));
            return false;
        }

        return true;
    }

    // Answers that are transient by their error code: 400 RequestTimeout (the service gave up waiting for the body),
    // and a 200 CopyObject/CompleteMultipartUpload whose body is InternalError or SlowDown (S3 asks clients to retry).
    private static async ValueTask<bool> IsTransientByCodeAsync(HttpResponseMessage? response, S3RequestContext? context, CancellationToken cancellationToken)
    {
        if (response is null || !(response.StatusCode == System.Net.HttpStatusCode.BadRequest || (response.IsSuccessStatusCode && context is { ErrorMayHideIn200: true })))
        {
            return false;
        }

        var code = await S3ResponseInspector.GetErrorCodeAsync(response, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? code is "InternalError" or "SlowDown" or "ServiceUnavailable"
            : code == "RequestTimeout";
    }

    // Null keeps Polly's exponential delay with decorrelated jitter. After throttling (429, 503) the delay grows from
    // MinThrottleDelay instead, with +-20 % jitter, so jitter never retries a throttled request almost at once; a
    // longer Retry-After from the service wins.
    private static TimeSpan? ThrottleDelay(Outcome<HttpResponseMessage> outcome, int attempt, S3RetryOptions retry)
    {
        if (outcome.Result is not { } response || !S3TransientFailures.IsThrottle(response.StatusCode))
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

    private static string Operation(ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        return (request is null ? null : S3RequestContext.Get(request))?.Operation ?? "request";
    }

    /// <summary>
    /// Polly logs every attempt at Information; the S3 handlers already log each operation (Debug) and each retry
    /// (Warning, with the operation), so attempts and retries drop to Debug here and the rest keeps Polly's severity.
    /// </summary>
    internal static TelemetryOptions QuietTelemetry(TelemetryOptions defaults) => new(defaults)
    {
        SeverityProvider = args => args.Event.EventName is "ExecutionAttempt" or "OnRetry" && args.Event.Severity < ResilienceEventSeverity.Error
            ? ResilienceEventSeverity.Debug
            : args.Event.Severity,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown";
}
