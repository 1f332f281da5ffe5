namespace S3Client;

/// <summary>The object that CompleteMultipartUpload assembled.</summary>
/// <param name="ETag">
/// The entity tag (for multipart objects usually <c>"md5-of-md5s-N"</c>), or null when the service does not say
/// (Ceph RGW 16 sends it empty; HeadObject tells).
/// </param>
/// <param name="VersionId">The version id, when versioned.</param>
/// <param name="Location">The object's URL as the service reports it.</param>
public sealed record CompleteMultipartUploadResult(string? ETag, string? VersionId, string? Location);
