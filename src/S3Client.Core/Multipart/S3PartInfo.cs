namespace S3Client;

/// <summary>A part already uploaded, as ListParts reports it.</summary>
/// <param name="PartNumber">The part number.</param>
/// <param name="ETag">The part's entity tag.</param>
/// <param name="Size">The part size in bytes.</param>
/// <param name="LastModified">When the part was uploaded.</param>
public sealed record S3PartInfo(int PartNumber, string ETag, long Size, DateTimeOffset? LastModified);
