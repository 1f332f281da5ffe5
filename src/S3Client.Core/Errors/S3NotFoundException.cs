using System.Net;

namespace S3Client;

/// <summary>The bucket, key, version or upload does not exist (404: <c>NoSuchKey</c>, <c>NoSuchBucket</c>, <c>NoSuchUpload</c>, or a HEAD without body).</summary>
public class S3NotFoundException : S3ClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3NotFoundException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
