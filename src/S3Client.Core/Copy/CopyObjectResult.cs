namespace S3Client;

/// <summary>The outcome of a copy.</summary>
/// <param name="ETag">The entity tag of the new object, with its quotes.</param>
/// <param name="LastModified">When the new object was written.</param>
/// <param name="VersionId">The version id of the new object, when versioned.</param>
/// <param name="SourceVersionId">The version of the source that was copied, when versioned.</param>
public sealed record CopyObjectResult(string? ETag, DateTimeOffset? LastModified, string? VersionId, string? SourceVersionId);
