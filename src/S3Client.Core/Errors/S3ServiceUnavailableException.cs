using System.Net;

namespace S3Client;

/// <summary>
/// The request was not sent: the client's circuit breaker is open after repeated transient failures of the service
/// (see <c>CircuitBreaker</c> in the options). Always <see cref="S3Exception.IsTransient"/>; <see cref="RetryAfter"/>
/// says when the circuit lets a request through again.
/// </summary>
public class S3ServiceUnavailableException : S3ServerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="retryAfter">How long until the circuit lets a trial request through, when known.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3ServiceUnavailableException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, HttpStatusCode.ServiceUnavailable, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long until the circuit lets a trial request through, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
