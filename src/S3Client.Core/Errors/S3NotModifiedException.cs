using System.Net;

namespace S3Client;

/// <summary>
/// The object has not changed since the version the caller holds (304 for <c>If-None-Match</c> or
/// <c>If-Modified-Since</c>): the caller's copy is current.
/// </summary>
public class S3NotModifiedException : S3Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer (304).</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3NotModifiedException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
