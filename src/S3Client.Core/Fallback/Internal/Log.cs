using Microsoft.Extensions.Logging;

namespace S3Client.Fallback.Internal;

/// <summary>Logs of the fallback client; event ids 300-349.</summary>
internal static partial class Log
{
    [LoggerMessage(300, LogLevel.Warning, "S3 {Operation} failed on {Endpoint} ({Reason}); trying {Next}")]
    public static partial void FailingOver(ILogger logger, string operation, string endpoint, string reason, string next);

    [LoggerMessage(301, LogLevel.Debug, "S3 {Operation}: {Endpoint} has not answered within {HedgeDelayMs} ms; hedging to {Next}")]
    public static partial void Hedging(ILogger logger, string operation, string endpoint, double hedgeDelayMs, string next);

    [LoggerMessage(302, LogLevel.Information, "S3 {Operation} for bucket {Bucket} served by {Source}")]
    public static partial void ServedBy(ILogger logger, string operation, string bucket, string source);

    [LoggerMessage(303, LogLevel.Error, "S3 {Operation}: no endpoint could serve the read ({Tried} asked); the primary failed with {Reason}")]
    public static partial void Exhausted(ILogger logger, string operation, int tried, string reason);

    [LoggerMessage(304, LogLevel.Warning, "S3 {Operation} for bucket {Bucket} served from the last-known-good cache (entity tag {ETag}, {AgeSeconds} s old) because no endpoint could answer")]
    public static partial void ServedFromCache(ILogger logger, string operation, string bucket, string? etag, double ageSeconds);

    [LoggerMessage(305, LogLevel.Warning, "Cache file {File} failed its integrity check and was deleted: {Reason}")]
    public static partial void CacheCorrupted(ILogger logger, string file, string reason);

    [LoggerMessage(306, LogLevel.Debug, "Cache file {File} ({Bytes} bytes) evicted to stay within {MaxBytes} bytes")]
    public static partial void CacheEvicted(ILogger logger, string file, long bytes, long maxBytes);

    [LoggerMessage(307, LogLevel.Warning, "Writing to the cache failed; the read goes on uncached")]
    public static partial void CacheWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(308, LogLevel.Debug, "S3 {Operation} for bucket {Bucket}: cached copy confirmed current by {Endpoint} (304)")]
    public static partial void CacheRevalidated(ILogger logger, string operation, string bucket, string endpoint);
}
