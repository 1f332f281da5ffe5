using System.Net;

namespace S3Client;

/// <summary>
/// An S3 request failed with an error answer from the service, or was not sent because the client's circuit is open.
/// The base of all S3 errors: catch a subclass for a specific case (<see cref="S3NotFoundException"/>,
/// <see cref="S3AccessDeniedException"/>, ...), or read <see cref="IsTransient"/>. Network failures and timeouts are
/// not S3 errors: they surface as <see cref="HttpRequestException"/>, <see cref="IOException"/>,
/// <see cref="TimeoutException"/> and, for your own cancellation, <see cref="OperationCanceledException"/>.
/// </summary>
public class S3Exception : Exception
{
    private string? _errorCode;
    private string? _serverMessage;
    private string? _requestId;
    private string? _hostId;
    private string? _operation;
    private string? _bucketName;
    private string? _key;
    private string? _region;

    /// <summary>Creates an S3 error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public S3Exception(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The S3 error code, such as <c>NoSuchKey</c> or <c>SlowDown</c>; null when the answer had no body (HEAD).</summary>
    public string? ErrorCode { get => _errorCode; init => _errorCode = value; }

    /// <summary>The service's own message text, which may be empty (Ceph RGW sends none).</summary>
    public string? ServerMessage { get => _serverMessage; init => _serverMessage = value; }

    /// <summary>The request id (<c>x-amz-request-id</c>) to quote to the service operator.</summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    /// <summary>The extended request id (<c>x-amz-id-2</c>).</summary>
    public string? HostId { get => _hostId; init => _hostId = value; }

    /// <summary>The S3 operation that failed, such as <c>GetObject</c>.</summary>
    public string? Operation { get => _operation; init => _operation = value; }

    /// <summary>The bucket of the request.</summary>
    public string? BucketName { get => _bucketName; init => _bucketName = value; }

    /// <summary>The object key of the request.</summary>
    public string? Key { get => _key; init => _key = value; }

    /// <summary>The region the service expects, when it says (<c>AuthorizationHeaderMalformed</c>, redirects).</summary>
    public string? Region { get => _region; init => _region = value; }

    /// <summary>
    /// Whether the same request may succeed later: a 5xx answer, throttling (429, <c>SlowDown</c>), 408 or
    /// <c>RequestTimeout</c>, or an open circuit. The client has already retried such failures as configured; a
    /// transient error is worth retrying at a higher level (later, or elsewhere), any other is not.
    /// </summary>
    public virtual bool IsTransient => (int)StatusCode is 408 or 429 or (>= 500 and not 501 and not 505)
        || ErrorCode is "RequestTimeout" or "SlowDown" or "Throttling" or "ThrottlingException" or "InternalError" or "ServiceUnavailable";

    internal void SetDetails(
        string? errorCode, string? serverMessage, string? requestId, string? hostId, string? operation, string? bucketName, string? key, string? region)
    {
        _errorCode = errorCode;
        _serverMessage = serverMessage;
        _requestId = requestId;
        _hostId = hostId;
        _operation = operation;
        _bucketName = bucketName;
        _key = key;
        _region = region;
    }
}
