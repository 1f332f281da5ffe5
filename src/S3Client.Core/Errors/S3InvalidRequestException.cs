using System.Net;

namespace S3Client;

/// <summary>The service rejected the request as malformed (400), for example <c>InvalidArgument</c>, <c>EntityTooSmall</c> or <c>AuthorizationHeaderMalformed</c>.</summary>
public class S3InvalidRequestException : S3ClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3InvalidRequestException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
