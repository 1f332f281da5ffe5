using Microsoft.Extensions.Logging;

namespace S3Client.Samples.Worker;

/// <summary>The sample's log events: source-generated, with the values as structured JSON fields.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Round trip starting against {ServiceUrl}: bucket {Bucket}, {ObjectCount} objects of {ObjectSizeBytes} bytes")]
    public static partial void Starting(ILogger logger, string serviceUrl, string bucket, int objectCount, int objectSizeBytes);

    [LoggerMessage(2, LogLevel.Information, "Uploaded {ObjectCount} objects, {Bytes} bytes")]
    public static partial void Uploaded(ILogger logger, int objectCount, long bytes);

    [LoggerMessage(3, LogLevel.Information, "Listed {ObjectCount} objects in pages of {PageSize}; keys and sizes match")]
    public static partial void Listed(ILogger logger, int objectCount, int pageSize);

    [LoggerMessage(4, LogLevel.Information, "Downloaded {ObjectCount} objects, {Bytes} bytes; every SHA-256, content type and metadata value matches")]
    public static partial void Downloaded(ILogger logger, int objectCount, long bytes);

    [LoggerMessage(5, LogLevel.Information, "HeadObject {Key}: {ContentLength} bytes, {ContentType}, ETag {ETag}, metadata matches")]
    public static partial void Headed(ILogger logger, string key, long contentLength, string? contentType, string? eTag);

    [LoggerMessage(6, LogLevel.Information, "Deleted {ObjectCount} objects and bucket {Bucket}")]
    public static partial void CleanedUp(ILogger logger, int objectCount, string bucket);

    [LoggerMessage(7, LogLevel.Information, "Round trip OK: {ObjectCount} objects, {BytesUploaded} bytes up, {BytesDownloaded} bytes down, {Verified} verified, in {ElapsedSeconds:F2} s")]
    public static partial void Succeeded(ILogger logger, int objectCount, long bytesUploaded, long bytesDownloaded, int verified, double elapsedSeconds);

    [LoggerMessage(8, LogLevel.Error, "Round trip FAILED: S3 {Operation} on bucket {Bucket}, key {Key} answered {StatusCode} {ErrorCode} (RequestId {RequestId}, HostId {HostId}): {ServerMessage}")]
    public static partial void S3Failed(
        ILogger logger, string? operation, string? bucket, string? key, int statusCode, string? errorCode, string? requestId, string? hostId, string? serverMessage, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Round trip FAILED: {Reason}")]
    public static partial void CheckFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(10, LogLevel.Error, "Round trip FAILED without an S3 error answer (network failure, timeout or local error)")]
    public static partial void Faulted(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Round trip cancelled before it finished")]
    public static partial void Cancelled(ILogger logger);

    [LoggerMessage(12, LogLevel.Warning, "Cleanup after a failure could not remove everything; bucket {Bucket} may be left behind")]
    public static partial void CleanupFailed(ILogger logger, string bucket, Exception exception);

    // Without the exception: the host has just logged it with its stack trace ("Hosting failed to start").
    [LoggerMessage(13, LogLevel.Critical, "Invalid configuration, nothing was sent: {Failures}")]
    public static partial void InvalidConfiguration(ILogger logger, string failures);
}
