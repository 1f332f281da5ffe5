using System.ComponentModel.DataAnnotations;

namespace S3Client;

/// <summary>
/// Settings of one S3 client, bound from an <c>"S3"</c> configuration section by <c>AddS3Client</c> or set in code.
/// </summary>
public sealed class S3ClientOptions
{
    /// <summary>The default maximum size of an error response body that is read and parsed.</summary>
    public const int DefaultMaxErrorResponseBytes = 64 * 1024;

    /// <summary>
    /// The service endpoint, such as <c>http://127.0.0.1:9000</c> for MinIO. <see langword="null"/> means AWS S3 at
    /// <c>https://s3.{Region}.amazonaws.com</c>. Plain <c>http</c> is used only when configured here explicitly.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// The endpoint put into presigned URLs, when clients reach the service by another address than this application
    /// (a public host name in front of a private endpoint). <see cref="ServiceUrl"/> when null.
    /// </summary>
    public Uri? PublicServiceUrl { get; set; }

    /// <summary>
    /// The signing region, such as <c>eu-west-1</c> (R2 uses <c>auto</c>). When null: <c>AWS_REGION</c>, then
    /// <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// The access key id. When null, credentials come from <see cref="CredentialsProvider"/>, then the
    /// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c> environment variables, then the
    /// shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c> or <c>~/.aws/credentials</c>, profile
    /// <c>AWS_PROFILE</c> or <c>default</c>).
    /// </summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key. Never logged.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The session token of temporary credentials. Never logged.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// A credentials provider used when <see cref="AccessKeyId"/> is not set (not bindable from configuration).
    /// </summary>
    public IS3CredentialsProvider? CredentialsProvider { get; set; }

    /// <summary>Where the bucket name goes in URLs. Default <see cref="S3AddressingStyle.Auto"/>.</summary>
    public S3AddressingStyle AddressingStyle { get; set; } = S3AddressingStyle.Auto;

    /// <summary>How bodies are covered by the signature. Default <see cref="S3PayloadSigning.Auto"/>.</summary>
    public S3PayloadSigning PayloadSigning { get; set; } = S3PayloadSigning.Auto;

    /// <summary>The largest error response body read and parsed; the rest is discarded. Default 64 KiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxErrorResponseBytes { get; set; } = DefaultMaxErrorResponseBytes;

    /// <summary>Retry settings of the resilience pipeline.</summary>
    public S3RetryOptions Retry { get; set; } = new();

    /// <summary>Circuit-breaker settings of the resilience pipeline.</summary>
    public S3CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Timeouts of the resilience pipeline.</summary>
    public S3TimeoutOptions Timeouts { get; set; } = new();

    /// <summary>
    /// The defaults of uploads and downloads (<see cref="IS3Client.UploadAsync"/>, <see cref="IS3Client.DownloadAsync"/>):
    /// threshold, part size, concurrency, checksum.
    /// </summary>
    public TransferOptions Transfer { get; set; } = new();

    /// <summary>What logs, traces and exception messages may contain.</summary>
    public S3DiagnosticsOptions Diagnostics { get; set; } = new();

    /// <summary>
    /// Graceful degradation of reads: replica endpoints (failover or hedged reads) and a last-known-good cache. Off by
    /// default.
    /// </summary>
    public S3FallbackOptions Fallback { get; set; } = new();

    /// <summary>Returns the endpoint and region; never the credentials.</summary>
    public override string ToString() =>
        $"S3ClientOptions {{ ServiceUrl = {ServiceUrl?.ToString() ?? "(AWS)"}, Region = {Region ?? "(environment)"}, AddressingStyle = {AddressingStyle}, AccessKeyId = {AccessKeyId ?? "(provider)"} }}";
}
