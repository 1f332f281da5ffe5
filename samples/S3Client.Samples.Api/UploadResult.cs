namespace S3Client.Samples.Api;

/// <summary>The answer to an upload.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">The bytes stored.</param>
/// <param name="ETag">The object's entity tag.</param>
/// <param name="Parts">The parts of the multipart upload; 1 for a single PUT.</param>
internal sealed record UploadResult(string Key, long Size, string? ETag, int Parts);
