namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.UploadPartAsync"/>.</summary>
public sealed class UploadPartOptions
{
    /// <summary>The part length; required for a stream that cannot seek.</summary>
    public long? ContentLength { get; set; }

    /// <summary>The SSE-C key given to CreateMultipartUpload.</summary>
    public S3CustomerKey? CustomerKey { get; set; }

    /// <summary>A checksum of the part, sent as <c>x-amz-checksum-*</c> for the service to verify.</summary>
    public S3Checksum? Checksum { get; set; }
}
