namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.PutObjectAsync"/>.</summary>
public sealed class PutObjectOptions
{
    /// <summary>The <c>Content-Type</c>; S3 stores <c>binary/octet-stream</c> when unset.</summary>
    public string? ContentType { get; set; }

    /// <summary>
    /// The body length in bytes. Required for a stream that cannot seek (S3 needs the length up front); a seekable
    /// stream is sent from its position to its end when unset. For streams of unknown length use <c>UploadAsync</c>.
    /// </summary>
    public long? ContentLength { get; set; }

    /// <summary>User metadata, sent as <c>x-amz-meta-{name}</c> headers; values must be printable ASCII.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>Cache-Control</c> the object is served with.</summary>
    public string? CacheControl { get; set; }

    /// <summary>The <c>Content-Disposition</c> the object is served with.</summary>
    public string? ContentDisposition { get; set; }

    /// <summary>The <c>Content-Encoding</c> the object is served with.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>The storage class, such as <c>STANDARD_IA</c>; the bucket default when unset.</summary>
    public string? StorageClass { get; set; }
}
