namespace S3Client;

/// <summary>A checksum value of an object or part: the algorithm and the base64 value S3 exchanges.</summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Base64Value">The checksum, base64-encoded big-endian bytes.</param>
public sealed record S3Checksum(S3ChecksumAlgorithm Algorithm, string Base64Value)
{
    /// <summary>The request header that carries it, such as <c>x-amz-checksum-crc32</c>.</summary>
    public string HeaderName => Algorithm switch
    {
        S3ChecksumAlgorithm.Crc32 => "x-amz-checksum-crc32",
        S3ChecksumAlgorithm.Crc32C => "x-amz-checksum-crc32c",
        S3ChecksumAlgorithm.Sha256 => "x-amz-checksum-sha256",
        _ => throw new InvalidOperationException("No checksum algorithm."),
    };

    /// <summary>The element name in CompleteMultipartUpload, such as <c>ChecksumCRC32</c>.</summary>
    internal string ElementName => Algorithm switch
    {
        S3ChecksumAlgorithm.Crc32 => "ChecksumCRC32",
        S3ChecksumAlgorithm.Crc32C => "ChecksumCRC32C",
        S3ChecksumAlgorithm.Sha256 => "ChecksumSHA256",
        _ => throw new InvalidOperationException("No checksum algorithm."),
    };
}
