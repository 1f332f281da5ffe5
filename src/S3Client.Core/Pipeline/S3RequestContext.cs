using S3Client.Model.Internal;

namespace S3Client;

/// <summary>
/// What the S3 handlers know about a request: the operation, bucket and key, and whether its body can be sent again.
/// Attached to <see cref="HttpRequestMessage.Options"/> by the client; custom handlers can read it with
/// <see cref="Get(HttpRequestMessage)"/>.
/// </summary>
public sealed class S3RequestContext
{
    private static readonly HttpRequestOptionsKey<S3RequestContext> Key = new("S3Client.RequestContext");
    private int _attempts;

    internal S3RequestContext(string operation, string? bucketName, string? objectKey)
    {
        Operation = operation;
        BucketName = bucketName;
        ObjectKey = objectKey;
    }

    /// <summary>The S3 operation name, such as <c>PutObject</c>.</summary>
    public string Operation { get; }

    /// <summary>The bucket, or <see langword="null"/> for service-level operations.</summary>
    public string? BucketName { get; }

    /// <summary>The object key, or <see langword="null"/>.</summary>
    public string? ObjectKey { get; }

    /// <summary>
    /// Whether the request can be sent again as it is: it has no body, or its body is buffered or a seekable stream
    /// that is rewound before each attempt. The resilience pipeline retries only such requests.
    /// </summary>
    public bool IsReplayable => Payload is null || Payload.IsReplayable;

    /// <summary>Whether logs, traces and exception messages may show <see cref="ObjectKey"/>.</summary>
    public bool IncludeKeyInDiagnostics { get; internal init; } = true;

    /// <summary>The key as logs and traces may show it: the key, or <c>(redacted)</c>.</summary>
    internal string? DiagnosticKey => ObjectKey is null ? null : IncludeKeyInDiagnostics ? ObjectKey : "(redacted)";

    /// <summary>How many attempts have been signed and sent so far.</summary>
    public int AttemptCount => Volatile.Read(ref _attempts);

    /// <summary>The body, when the client sent one.</summary>
    internal S3PayloadContent? Payload { get; set; }

    /// <summary>The <c>x-amz-content-sha256</c> value once computed; reused by every attempt.</summary>
    internal string? PayloadHash { get; set; }

    /// <summary>Whether the response body is streamed to the caller (counted as it is read, not here).</summary>
    internal bool StreamsBody { get; set; }

    /// <summary>
    /// Whether a 200 answer can still carry an <c>&lt;Error&gt;</c> body (CopyObject, UploadPartCopy,
    /// CompleteMultipartUpload): the service sends the status first, then works, then reports.
    /// </summary>
    public bool ErrorMayHideIn200 { get; internal set; }

    /// <summary>Whether a 404 is an expected answer that the caller turns into a value (logged at Debug, not as a failure).</summary>
    internal bool NotFoundIsExpected { get; set; }

    /// <summary>Returns the context the S3 client attached to <paramref name="request"/>, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The context, or <see langword="null"/> for requests that did not come from the S3 client.</returns>
    public static S3RequestContext? Get(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(Key, out var context) ? context : null;
    }

    internal void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    internal int NextAttempt() => Interlocked.Increment(ref _attempts);

    /// <inheritdoc />
    public override string ToString() => $"{Operation} {BucketName}/{DiagnosticKey}";
}
