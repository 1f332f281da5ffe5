using System.Net;
using Polly;
using Polly.Timeout;
using S3Client.Pipeline.Internal;

namespace S3Client.Resilience.Internal;

/// <summary>
/// Which outcomes of one attempt are transient (worth another attempt, counted by the circuit breaker), and which
/// need one re-signed attempt; decided from what the attempt already read and classified, never by reading again.
/// </summary>
internal static class S3TransientFailures
{
    /// <summary>408, 429, 500, 502, 503 (<c>SlowDown</c>), 504.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Throttling answers, after which the delay never drops below the configured floor.</summary>
    public static bool IsThrottle(HttpStatusCode status) => (int)status is 429 or 503;

    /// <summary>
    /// Whether <paramref name="outcome"/> is a transient failure (ignoring whether the request can be replayed): a
    /// transient status, a 400 <c>RequestTimeout</c>, a 200 hiding <c>InternalError</c>/<c>SlowDown</c>, a network
    /// error or an attempt timeout, unless the caller cancelled.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) => outcome switch
    {
        { Result: { } response } => S3Answer.FailureStatus(response) is { } status
            && (IsTransientStatus(status) || S3Answer.Of(response)?.Error?.Code == "RequestTimeout"),
        { Exception: TimeoutException or TimeoutRejectedException } => !callerToken.IsCancellationRequested,
        { Exception: OperationCanceledException } => false,
        { Exception: HttpRequestException or IOException } => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>
    /// Whether the service refused the signature for a reason the attempt already fixed (it learnt the clock offset
    /// from <c>RequestTimeTooSkewed</c>, or refreshed the credentials after <c>ExpiredToken</c>).
    /// </summary>
    public static bool NeedsResign(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.BadRequest } response
        && S3Answer.Of(response)?.Error?.Code is { } code
        && (code is "ExpiredToken" or "TokenRefreshRequired" || (code == "RequestTimeTooSkewed" && response.Headers.Date is not null));
}
