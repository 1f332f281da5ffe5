using System.Net;

namespace S3Client;

/// <summary>The request was not allowed (403): <c>AccessDenied</c>, <c>SignatureDoesNotMatch</c>, <c>InvalidAccessKeyId</c>, <c>RequestTimeTooSkewed</c>, an expired presigned URL, ...</summary>
public class S3AccessDeniedException : S3ClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3AccessDeniedException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
