namespace S3Client;

/// <summary>A part to assemble, as UploadPart or UploadPartCopy returned it.</summary>
/// <param name="PartNumber">The part number, 1 to 10,000.</param>
/// <param name="ETag">The part's entity tag, with its quotes.</param>
public sealed record S3CompletedPart(int PartNumber, string ETag)
{
    /// <summary>The part's checksum, when it was uploaded with one (sent back in CompleteMultipartUpload).</summary>
    public S3Checksum? Checksum { get; init; }
}
