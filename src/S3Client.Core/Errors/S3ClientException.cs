using System.Net;

namespace S3Client;

/// <summary>The request was refused as a client error (4xx): retrying it unchanged does not help.</summary>
public class S3ClientException : S3Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3ClientException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
