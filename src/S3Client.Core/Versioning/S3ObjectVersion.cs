namespace S3Client;

/// <summary>A version of an object, or a delete marker, as ListObjectVersions reports it.</summary>
/// <param name="Key">The object key.</param>
/// <param name="VersionId">The version id (<c>null</c> for objects written while versioning was off).</param>
/// <param name="IsLatest">Whether this is the current version.</param>
/// <param name="IsDeleteMarker">Whether this is a delete marker rather than data.</param>
/// <param name="Size">The size in bytes (0 for delete markers).</param>
/// <param name="ETag">The entity tag (null for delete markers).</param>
/// <param name="LastModified">When the version was written.</param>
public sealed record S3ObjectVersion(string Key, string VersionId, bool IsLatest, bool IsDeleteMarker, long Size, string? ETag, DateTimeOffset? LastModified);
