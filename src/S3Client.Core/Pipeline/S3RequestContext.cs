using S3Client.Pipeline.Internal;

namespace S3Client;

/// <summary>
/// What the S3 handlers know about a request: the operation, bucket and key, fixed when the client builds the
/// request. Attached to <see cref="HttpRequestMessage.Options"/>; handlers of your own can read it with
/// <see cref="Get(HttpRequestMessage)"/>.
/// </summary>
public sealed class S3RequestContext
{
    private static readonly HttpRequestOptionsKey<S3RequestContext> Key = new("S3Client.RequestContext");
    private int _retries;
    private int _resigned;
    private string? _payloadHash;

    internal S3RequestContext(string operation, string? bucketName, string? objectKey, S3AnswerMode answer = S3AnswerMode.None, bool includeKeyInDiagnostics = true)
    {
        Operation = operation;
        BucketName = bucketName;
        ObjectKey = objectKey;
        Answer = answer;
        IncludeKeyInDiagnostics = includeKeyInDiagnostics;
    }

    /// <summary>The S3 operation name, such as <c>PutObject</c>.</summary>
    public string Operation { get; }

    /// <summary>The bucket, or <see langword="null"/> for service-level operations.</summary>
    public string? BucketName { get; }

    /// <summary>The object key, or <see langword="null"/>.</summary>
    public string? ObjectKey { get; }

    /// <summary>Whether logs, traces and exception messages may show <see cref="ObjectKey"/>.</summary>
    public bool IncludeKeyInDiagnostics { get; }

    /// <summary>How many attempts have been sent so far: the first, plus one per retry.</summary>
    public int AttemptCount => Volatile.Read(ref _retries) + 1;

    /// <summary>What the operation needs of a successful answer's body; decides how the attempt reads it.</summary>
    internal S3AnswerMode Answer { get; }

    /// <summary>Whether a 404 is an expected answer that the caller turns into a value (logged at Debug, not as a failure).</summary>
    internal bool NotFoundIsExpected { get; init; }

    /// <summary>The key as logs and traces may show it: the key, or <c>(redacted)</c>.</summary>
    internal string? DiagnosticKey => ObjectKey is null ? null : IncludeKeyInDiagnostics ? ObjectKey : "(redacted)";

    /// <summary>Returns the context the S3 client attached to <paramref name="request"/>, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The context, or <see langword="null"/> for requests that did not come from the S3 client.</returns>
    public static S3RequestContext? Get(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is S3HttpRequestMessage s3 ? s3.Context : request.Options.TryGetValue(Key, out var context) ? context : null;
    }

    /// <inheritdoc />
    public override string ToString() => DiagnosticKey is null ? $"{Operation} {BucketName}" : $"{Operation} {BucketName}/{DiagnosticKey}";

    internal void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    /// <summary>Called by the retry strategy, the one place that decides to send again.</summary>
    internal void RecordRetry() => Interlocked.Increment(ref _retries);

    /// <summary>
    /// Claims the one re-send after the service refused the signature for a reason a re-signed attempt fixes (clock
    /// skew, expired token); false when it was claimed before, so a service that keeps refusing is not asked forever.
    /// </summary>
    internal bool TryClaimResign() => Interlocked.Exchange(ref _resigned, 1) == 0;

    /// <summary>The <c>x-amz-content-sha256</c> value, computed by the first attempt and reused by every later one.</summary>
    internal string? PayloadHash
    {
        get => Volatile.Read(ref _payloadHash);
        set => Interlocked.CompareExchange(ref _payloadHash, value, null);
    }
}
