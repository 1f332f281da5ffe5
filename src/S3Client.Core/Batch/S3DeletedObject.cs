namespace S3Client;

/// <summary>A key that a batch delete deleted (reported only when not in quiet mode).</summary>
/// <param name="Key">The object key.</param>
/// <param name="VersionId">The version deleted, when one was named.</param>
/// <param name="DeleteMarkerVersionId">The delete marker created in a versioned bucket, or null.</param>
public sealed record S3DeletedObject(string Key, string? VersionId, string? DeleteMarkerVersionId);
