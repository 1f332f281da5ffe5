namespace S3Client;

/// <summary>The outcome of an upload or download.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The object key.</param>
/// <param name="Size">The bytes moved.</param>
/// <param name="ETag">The object's entity tag, when the service reported it.</param>
/// <param name="VersionId">The version id, when versioned.</param>
/// <param name="PartCount">The parts used; 1 for a single request.</param>
public sealed record TransferResult(string Bucket, string Key, long Size, string? ETag, string? VersionId, int PartCount);
