using System.Net;

namespace S3Client;

/// <summary>The requested byte range lies outside the object (416 <c>InvalidRange</c>).</summary>
public class S3RangeNotSatisfiableException : S3ClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3RangeNotSatisfiableException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
