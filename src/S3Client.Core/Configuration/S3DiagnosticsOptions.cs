namespace S3Client;

/// <summary>What the library's logs, traces and exception messages may contain.</summary>
public sealed class S3DiagnosticsOptions
{
    /// <summary>
    /// Whether object keys appear in logs, traces (<c>aws.s3.key</c>) and exception messages. Default true; turn it off
    /// when keys carry personal data (the <see cref="S3Exception.Key"/> property still holds the key for your code).
    /// </summary>
    public bool IncludeObjectKeys { get; set; } = true;
}
