namespace S3Client;

/// <summary>
/// Optional settings of <see cref="IS3Client.CopyObjectAsync"/>. The inherited write settings (content type,
/// metadata, ...) apply only with <see cref="ReplaceMetadata"/>; otherwise the source's are copied.
/// </summary>
public sealed class CopyObjectOptions : S3ObjectWriteOptions
{
    /// <summary>Copies this version of the source instead of the current one.</summary>
    public string? SourceVersionId { get; set; }

    /// <summary>
    /// Stores the inherited write settings (content type, metadata, cache control, ...) instead of the source's
    /// (<c>x-amz-metadata-directive: REPLACE</c>).
    /// </summary>
    public bool ReplaceMetadata { get; set; }

    /// <summary>Conditions the source must meet; a failed one is <see cref="S3PreconditionFailedException"/>.</summary>
    public S3Conditions? SourceConditions { get; set; }

    /// <summary>The SSE-C key the source is encrypted with.</summary>
    public S3CustomerKey? SourceCustomerKey { get; set; }
}
