using System.Net;

namespace S3Client;

/// <summary>The service failed (5xx): <c>InternalError</c>, <c>SlowDown</c>, <c>ServiceUnavailable</c>. The client has already retried it as configured.</summary>
public class S3ServerException : S3Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3ServerException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
