namespace S3Client;

/// <summary>A part that was stored.</summary>
/// <param name="PartNumber">The part number.</param>
/// <param name="ETag">The part's entity tag, for CompleteMultipartUpload.</param>
public sealed record UploadPartResult(int PartNumber, string ETag)
{
    /// <summary>The checksum sent with the part, if any.</summary>
    public S3Checksum? Checksum { get; init; }

    /// <summary>The part as CompleteMultipartUpload takes it.</summary>
    /// <returns>The completed part.</returns>
    public S3CompletedPart ToCompletedPart() => new(PartNumber, ETag) { Checksum = Checksum };
}
