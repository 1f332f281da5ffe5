namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.PutObjectAsync"/>.</summary>
public sealed class PutObjectOptions : S3ObjectWriteOptions
{
    /// <summary>
    /// The body length in bytes. Required for a stream that cannot seek (S3 needs the length up front); a seekable
    /// stream is sent from its position to its end when unset. For streams of unknown length use <c>UploadAsync</c>.
    /// </summary>
    public long? ContentLength { get; set; }

    /// <summary>
    /// Stores the object only if no object has the key yet (<c>If-None-Match: *</c>); otherwise the call fails with
    /// <see cref="S3PreconditionFailedException"/>. Not every S3-compatible service supports it.
    /// </summary>
    public bool IfNoneMatchAny { get; set; }

    /// <summary>Stores the object only if the current object has this entity tag (<c>If-Match</c>).</summary>
    public string? IfMatch { get; set; }

    /// <summary>A checksum of the whole body, sent as <c>x-amz-checksum-*</c> for the service to verify.</summary>
    public S3Checksum? Checksum { get; set; }
}
