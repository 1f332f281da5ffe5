namespace S3Client;

/// <summary>A multipart upload in progress, as ListMultipartUploads reports it.</summary>
/// <param name="Key">The object key.</param>
/// <param name="UploadId">The upload id.</param>
/// <param name="Initiated">When the upload was created.</param>
public sealed record S3MultipartUploadInfo(string Key, string UploadId, DateTimeOffset? Initiated);
