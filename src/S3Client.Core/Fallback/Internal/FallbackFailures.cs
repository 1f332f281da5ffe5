using System.Net;

namespace S3Client.Fallback.Internal;

/// <summary>
/// Decides whether a failed read may be served elsewhere. Transient: 5xx, 408 and 429 answers (after the endpoint's
/// own retries), 400 RequestTimeout, network and body errors, timeouts, and an open circuit (by type name, so the core
/// needs no resilience library). A 404 is an answer unless <see cref="S3FallbackOptions.OnNotFound"/> is set; a
/// cancellation by the caller always ends the read.
/// </summary>
internal static class FallbackFailures
{
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException when callerToken.IsCancellationRequested => false,
        S3Exception s3 => (int)s3.StatusCode >= 500 || s3.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || s3.ErrorCode is "RequestTimeout" or "SlowDown" or "ServiceUnavailable",
        HttpRequestException or IOException or TimeoutException => true,
        // HttpClient's own timeout, an attempt timeout or a cancelled hedge: not the caller's cancellation.
        OperationCanceledException => true,
        _ => IsResilienceRejection(exception),
    };

    /// <summary>Whether the next endpoint should be asked after <paramref name="exception"/> from a read.</summary>
    public static bool ShouldTryNext(Exception exception, bool fromFallback, S3FallbackOptions options, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        if (exception is S3NotFoundException)
        {
            return options.OnNotFound;
        }

        // A replica holding another version of a pinned object (412 to If-Match) or answering with the wrong entity tag
        // cannot serve this read; the primary saying so is the answer.
        if (fromFallback && exception is S3PreconditionFailedException or MismatchedVersionException)
        {
            return true;
        }

        return IsTransient(exception, callerToken);
    }

    private static bool IsResilienceRejection(Exception exception)
    {
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName is "Polly.CircuitBreaker.BrokenCircuitException" or "Polly.Timeout.TimeoutRejectedException"
                or "Polly.ExecutionRejectedException")
            {
                return true;
            }
        }

        return false;
    }
}
