namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.CreateMultipartUploadAsync"/>: what the assembled object is stored with.</summary>
public sealed class CreateMultipartUploadOptions : S3ObjectWriteOptions
{
}
