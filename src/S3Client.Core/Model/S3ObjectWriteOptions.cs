namespace S3Client;

/// <summary>
/// What a new object is stored with: content headers, user metadata, tags, storage class and server-side encryption.
/// Shared by PutObject, CreateMultipartUpload and CopyObject (with <see cref="CopyObjectOptions.ReplaceMetadata"/>).
/// </summary>
public abstract class S3ObjectWriteOptions
{
    /// <summary>The <c>Content-Type</c>; S3 stores <c>binary/octet-stream</c> when unset.</summary>
    public string? ContentType { get; set; }

    /// <summary>User metadata, sent as <c>x-amz-meta-{name}</c> headers; values must be printable ASCII.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Object tags (at most 10; keys up to 128 and values up to 256 characters).</summary>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>Cache-Control</c> the object is served with.</summary>
    public string? CacheControl { get; set; }

    /// <summary>The <c>Content-Disposition</c> the object is served with.</summary>
    public string? ContentDisposition { get; set; }

    /// <summary>The <c>Content-Encoding</c> the object is served with.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>The <c>Content-Language</c> the object is served with.</summary>
    public string? ContentLanguage { get; set; }

    /// <summary>The <c>Expires</c> date the object is served with.</summary>
    public DateTimeOffset? Expires { get; set; }

    /// <summary>The storage class, such as <c>STANDARD_IA</c>; the bucket default when unset.</summary>
    public string? StorageClass { get; set; }

    /// <summary>Server-side encryption with S3-managed keys (SSE-S3) or KMS keys (SSE-KMS).</summary>
    public S3ServerSideEncryption? ServerSideEncryption { get; set; }

    /// <summary>Server-side encryption with a key the caller provides (SSE-C); the key is never logged.</summary>
    public S3CustomerKey? CustomerKey { get; set; }

    /// <summary>Copies these write settings (not the subclass's own) onto <paramref name="target"/>.</summary>
    internal void CopyWriteSettingsTo(S3ObjectWriteOptions target)
    {
        target.ContentType = ContentType;
        target.CacheControl = CacheControl;
        target.ContentDisposition = ContentDisposition;
        target.ContentEncoding = ContentEncoding;
        target.ContentLanguage = ContentLanguage;
        target.Expires = Expires;
        target.StorageClass = StorageClass;
        target.ServerSideEncryption = ServerSideEncryption;
        target.CustomerKey = CustomerKey;
        foreach (var (name, value) in Metadata)
        {
            target.Metadata[name] = value;
        }

        foreach (var (name, value) in Tags)
        {
            target.Tags[name] = value;
        }
    }
}
