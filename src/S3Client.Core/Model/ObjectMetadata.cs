using S3Client.Model.Internal;

namespace S3Client;

/// <summary>What <see cref="IS3Client.HeadObjectAsync"/> tells about an object.</summary>
public sealed class ObjectMetadata
{
    private S3ReadSource _source = S3ReadSource.Primary;

    /// <summary>The object size in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>The <c>Content-Type</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The entity tag, with its quotes.</summary>
    public string? ETag { get; init; }

    /// <summary>When the object was last written.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The version id, when the bucket is versioned.</summary>
    public string? VersionId { get; init; }

    /// <summary>User metadata (<c>x-amz-meta-*</c>), names without the prefix, compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata.Instance;

    /// <summary>The <c>Cache-Control</c> the object is served with.</summary>
    public string? CacheControl { get; init; }

    /// <summary>The <c>Content-Disposition</c> the object is served with.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>The <c>Content-Encoding</c> the object is served with.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>The storage class, when the service reports one (S3 omits it for <c>STANDARD</c>).</summary>
    public string? StorageClass { get; init; }

    /// <summary>
    /// Where the answer came from: <c>primary</c>, a fallback endpoint's name, or <c>cache</c> (see
    /// <see cref="S3FallbackOptions"/>). Always the primary for a client without fallback.
    /// </summary>
    public S3ReadSource Source { get => _source; init => _source = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>A copy of this description with another source.</summary>
    internal ObjectMetadata WithSource(S3ReadSource source)
    {
        var copy = (ObjectMetadata)MemberwiseClone();
        copy._source = source;
        return copy;
    }
}
