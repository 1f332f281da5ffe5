namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.UploadPartCopyAsync"/>.</summary>
public sealed class UploadPartCopyOptions
{
    /// <summary>The bytes of the source to copy; the whole source when null (up to 5 GiB).</summary>
    public S3ByteRange? SourceRange { get; set; }

    /// <summary>Copies this version of the source.</summary>
    public string? SourceVersionId { get; set; }

    /// <summary>Conditions the source must meet.</summary>
    public S3Conditions? SourceConditions { get; set; }

    /// <summary>The SSE-C key of the source.</summary>
    public S3CustomerKey? SourceCustomerKey { get; set; }

    /// <summary>The SSE-C key given to CreateMultipartUpload.</summary>
    public S3CustomerKey? CustomerKey { get; set; }
}
