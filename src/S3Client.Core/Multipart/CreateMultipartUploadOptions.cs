namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.CreateMultipartUploadAsync"/>: what the assembled object is stored with.</summary>
public sealed class CreateMultipartUploadOptions : S3ObjectWriteOptions
{
    /// <summary>The checksum every part will carry (<c>x-amz-checksum-algorithm</c>); none by default.</summary>
    public S3ChecksumAlgorithm ChecksumAlgorithm { get; set; }
}
