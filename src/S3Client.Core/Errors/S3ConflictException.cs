using System.Net;

namespace S3Client;

/// <summary>The request conflicts with the state of the resource (409), such as <c>BucketNotEmpty</c> or <c>BucketAlreadyOwnedByYou</c>.</summary>
public class S3ConflictException : S3ClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3ConflictException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
