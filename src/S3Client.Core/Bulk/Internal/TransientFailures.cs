using System.Net;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Which failures may pass when the item is tried again later: server errors, throttling, timeouts, network errors, an
/// open circuit. A local file that is missing, a refused request or a bad argument fails at once.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        S3ServerException => true,
        S3Exception s3 => s3.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || s3.ErrorCode is "SlowDown" or "RequestTimeout" or "Throttling" or "ThrottlingException",
        HttpRequestException or TimeoutException => true,
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException => true,
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => IsPollyTransient(exception.GetType()),
    };

    // Polly is not referenced here; its timeout and open-circuit exceptions are recognised by name (and subclass).
    private static bool IsPollyTransient(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName is "Polly.Timeout.TimeoutRejectedException" or "Polly.CircuitBreaker.BrokenCircuitException")
            {
                return true;
            }
        }

        return false;
    }
}
