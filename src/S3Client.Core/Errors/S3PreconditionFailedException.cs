using System.Net;

namespace S3Client;

/// <summary>A condition of the request did not hold (412 <c>PreconditionFailed</c>): <c>If-Match</c>, <c>If-Unmodified-Since</c>, or <c>If-None-Match: *</c> on an existing key.</summary>
public class S3PreconditionFailedException : S3ClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3PreconditionFailedException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
