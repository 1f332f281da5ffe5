using Microsoft.Extensions.Logging;

namespace S3Client.Pipeline.Internal;

/// <summary>
/// The library's log events. Event ids are stable: dashboards and alerts may depend on them. <c>{Target}</c> names the
/// bucket and key the operation was about, leaving out what it did not have; the operation's scope carries
/// <c>Operation</c>, <c>Bucket</c> and <c>Key</c> as separate fields.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "S3 {Operation} started{Target}")]
    public static partial void OperationStarted(ILogger logger, string operation, string target);

    [LoggerMessage(2, LogLevel.Debug, "S3 {Operation} succeeded{Target}: {StatusCode} in {DurationMs:0.#} ms after {Attempts} attempt(s)")]
    public static partial void OperationSucceeded(ILogger logger, string operation, string target, int statusCode, double durationMs, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "S3 {Operation} failed{Target}: {StatusCode} {Error} in {DurationMs:0.#} ms after {Attempts} attempt(s)")]
    public static partial void OperationFailed(ILogger logger, string operation, string target, int statusCode, string error, double durationMs, int attempts, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "S3 {Operation} failed{Target} without an answer from the service ({Reason}) in {DurationMs:0.#} ms after {Attempts} attempt(s)")]
    public static partial void OperationFaulted(ILogger logger, string operation, string target, string reason, double durationMs, int attempts, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "S3 {Operation} was cancelled{Target} after {DurationMs:0.#} ms")]
    public static partial void OperationCancelled(ILogger logger, string operation, string target, double durationMs);

    [LoggerMessage(6, LogLevel.Debug, "S3 {Operation}{Target}: not found (an expected answer) in {DurationMs:0.#} ms")]
    public static partial void OperationNotFound(ILogger logger, string operation, string target, double durationMs);

    [LoggerMessage(7, LogLevel.Warning, "The S3 client's primary HTTP handler ({HandlerType}) had AllowAutoRedirect on; it was turned off, since following an S3 redirect would send the session token, SSE-C keys and body to another host")]
    public static partial void RedirectsTurnedOff(ILogger logger, string handlerType);
}
