namespace S3Client.Samples.Api;

/// <summary>The sample's log events: source-generated, with the values as structured JSON fields.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Bucket {Bucket} exists")]
    public static partial void BucketFound(ILogger logger, string bucket);

    [LoggerMessage(2, LogLevel.Information, "Bucket {Bucket} created")]
    public static partial void BucketCreated(ILogger logger, string bucket);

    [LoggerMessage(3, LogLevel.Information, "Uploaded {Key}: {Bytes} bytes in {Parts} parts, {ElapsedSeconds:F2} s, {MiBPerSecond:F1} MiB/s")]
    public static partial void Uploaded(ILogger logger, string key, long bytes, int parts, double elapsedSeconds, double miBPerSecond);

    [LoggerMessage(4, LogLevel.Warning, "S3 {Operation} on bucket {Bucket}, key {Key} answered {StatusCode} {ErrorCode} (RequestId {RequestId})")]
    public static partial void S3Failed(
        ILogger logger, string? operation, string? bucket, string? key, int statusCode, string? errorCode, string? requestId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "The S3 service could not be reached")]
    public static partial void S3Unreachable(ILogger logger, Exception exception);
}
