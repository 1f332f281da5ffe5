using System.Net;
using Polly;
using Polly.Timeout;

namespace S3Client.Resilience.Internal;

/// <summary>Which outcomes of one attempt are transient: worth another attempt and counted by the circuit breaker.</summary>
internal static class S3TransientFailures
{
    /// <summary>408, 429, 500, 502, 503 (<c>SlowDown</c>), 504.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Throttling answers, after which the delay never drops below the configured floor.</summary>
    public static bool IsThrottle(HttpStatusCode status) => (int)status is 429 or 503;

    /// <summary>Whether <paramref name="outcome"/> is a transient failure (ignoring whether the request can be replayed).</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) => outcome switch
    {
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        { Exception: TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => false,
        { Exception: HttpRequestException or IOException } => !callerToken.IsCancellationRequested,
        _ => false,
    };
}
