using System.Net;

namespace S3Client;

/// <summary>
/// The service answered with a redirect (301 <c>PermanentRedirect</c>, 307 <c>TemporaryRedirect</c>): the request
/// went to the wrong endpoint or region. Redirects are never followed (that would carry session tokens, SSE-C keys and
/// bodies to another host); <see cref="Endpoint"/> and <see cref="S3Exception.Region"/> say what to configure instead
/// (<c>ServiceUrl</c>, <c>Region</c>).
/// </summary>
public class S3RedirectException : S3Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3RedirectException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }

    /// <summary>The endpoint the service names (its <c>&lt;Endpoint&gt;</c> or the <c>Location</c> host), when it names one.</summary>
    public string? Endpoint { get; init; }
}
