using Microsoft.Extensions.Logging;

namespace S3Client.Pipeline.Internal;

/// <summary>The library's log events. Event ids are stable: dashboards and alerts may depend on them.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "S3 {Operation} started for bucket {Bucket}, key {Key}")]
    public static partial void OperationStarted(ILogger logger, string operation, string? bucket, string? key);

    [LoggerMessage(2, LogLevel.Debug, "S3 {Operation} succeeded for bucket {Bucket}, key {Key}: {StatusCode} in {DurationMs} ms after {Attempts} attempt(s)")]
    public static partial void OperationSucceeded(ILogger logger, string operation, string? bucket, string? key, int statusCode, double durationMs, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "S3 {Operation} failed for bucket {Bucket}, key {Key}: {StatusCode} {ErrorCode} (RequestId {RequestId}) in {DurationMs} ms after {Attempts} attempt(s)")]
    public static partial void OperationFailed(ILogger logger, string operation, string? bucket, string? key, int statusCode, string? errorCode, string? requestId, double durationMs, int attempts, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "S3 {Operation} failed for bucket {Bucket}, key {Key} without an answer from the service in {DurationMs} ms after {Attempts} attempt(s)")]
    public static partial void OperationFaulted(ILogger logger, string operation, string? bucket, string? key, double durationMs, int attempts, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "S3 {Operation} for bucket {Bucket}, key {Key} was cancelled after {DurationMs} ms")]
    public static partial void OperationCancelled(ILogger logger, string operation, string? bucket, string? key, double durationMs);

    [LoggerMessage(6, LogLevel.Debug, "S3 {Operation} for bucket {Bucket}, key {Key}: not found (an expected answer) in {DurationMs} ms")]
    public static partial void OperationNotFound(ILogger logger, string operation, string? bucket, string? key, double durationMs);
}
