namespace S3Client;

/// <summary>One object of a listing.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ETag">The entity tag, with its quotes.</param>
/// <param name="LastModified">When the object was last written.</param>
/// <param name="StorageClass">The storage class, such as <c>STANDARD</c>, when the service reports it.</param>
public sealed record S3ObjectInfo(string Key, long Size, string? ETag, DateTimeOffset LastModified, string? StorageClass);
