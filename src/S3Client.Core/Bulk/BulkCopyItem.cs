namespace S3Client;

/// <summary>One object of <c>CopyManyAsync</c>: copied inside the service, so no bytes pass through the client.</summary>
/// <param name="SourceBucket">The source bucket.</param>
/// <param name="SourceKey">The source key.</param>
/// <param name="DestinationBucket">The destination bucket.</param>
/// <param name="DestinationKey">The destination key.</param>
/// <param name="Options">Source version and conditions, metadata replacement.</param>
public sealed record BulkCopyItem(string SourceBucket, string SourceKey, string DestinationBucket, string DestinationKey, CopyObjectOptions? Options = null);
