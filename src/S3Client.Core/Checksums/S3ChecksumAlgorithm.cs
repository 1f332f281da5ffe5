namespace S3Client;

/// <summary>The additional checksums of S3 (<c>x-amz-checksum-*</c>).</summary>
public enum S3ChecksumAlgorithm
{
    /// <summary>No additional checksum. The default: not every S3-compatible service accepts them.</summary>
    None = 0,

    /// <summary>CRC-32 (IEEE).</summary>
    Crc32 = 1,

    /// <summary>CRC-32C (Castagnoli).</summary>
    Crc32C = 2,

    /// <summary>SHA-256.</summary>
    Sha256 = 3,
}
