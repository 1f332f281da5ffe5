namespace S3Client.IntegrationTests.Servers;

/// <summary>Features that not every S3-compatible server has; each server declares which it lacks.</summary>
[Flags]
public enum S3Feature
{
    None = 0,
    VirtualHostedAddressing = 1 << 0,
    PayloadHashVerification = 1 << 1,
    SuffixRange = 1 << 2,
    UnknownAccessKeyCode = 1 << 3,
    RegionEnforced = 1 << 4,
    MultipartAbortAndListing = 1 << 5,
    Versioning = 1 << 6,
    Tagging = 1 << 7,
    ConditionalPut = 1 << 8,
    IfMatchOnGet = 1 << 9,
    ListEncodingTypeUrl = 1 << 10,
    BatchDeleteMd5Verified = 1 << 11,

    /// <summary>Keys with <c>//</c>, a leading <c>/</c>, or <c>.</c>/<c>..</c> segments are stored as written.</summary>
    UnnormalizedKeys = 1 << 12,

    /// <summary>Keys of the full 1024 bytes (a file-system backed server may limit names to 255 bytes a segment).</summary>
    MaxLengthKeys = 1 << 13,

    /// <summary>An STS endpoint (GetSessionToken) for temporary credentials with a session token.</summary>
    SessionTokens = 1 << 14,

    /// <summary>Server-side encryption with customer keys (SSE-C).</summary>
    CustomerKeyEncryption = 1 << 15,

    /// <summary>Conditions on a copy source (<c>x-amz-copy-source-if-*</c>) are checked.</summary>
    CopySourceConditions = 1 << 16,

    /// <summary>CompleteMultipartUpload reports the new object's ETag.</summary>
    CompleteMultipartETag = 1 << 17,

    /// <summary>A range request on an empty object is answered correctly (416, or the empty body).</summary>
    EmptyObjectRange = 1 << 18,

    /// <summary>Requests are authenticated (a wrong secret or key is refused).</summary>
    Authentication = 1 << 19,

    /// <summary>A real HTTP endpoint: presigned URLs can be fetched, faults injected on the wire, hosts addressed.</summary>
    Http = 1 << 20,
}
