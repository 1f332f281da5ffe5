namespace S3Client;

/// <summary>What the library's logs, traces and exception messages may contain.</summary>
public sealed class S3DiagnosticsOptions
{
    /// <summary>
    /// Whether object keys appear in logs, traces (<c>aws.s3.key</c>) and exception messages. Default true; turn it off
    /// when keys carry personal data (the <see cref="S3Exception.Key"/> property still holds the key for your code).
    /// </summary>
    public bool IncludeObjectKeys { get; set; } = true;

    /// <summary>
    /// Whether every HTTP attempt is logged at Trace (method, URL, request and response headers through an allow-list;
    /// signatures, session tokens and SSE-C keys redacted) and a <c>SignatureDoesNotMatch</c> answer at Warning with our
    /// canonical request and string to sign beside the service's. Default false: for debugging a new service.
    /// </summary>
    public bool LogHttp { get; set; }
}
