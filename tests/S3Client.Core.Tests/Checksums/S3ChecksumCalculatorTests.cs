using System.Text;
using S3Client.Checksums.Internal;

namespace S3Client.Core.Tests.Checksums;

public class S3ChecksumCalculatorTests
{
    private static readonly byte[] Check = Encoding.ASCII.GetBytes("123456789");

    [Theory]
    [InlineData(S3ChecksumAlgorithm.Crc32, "cbf43926")]
    [InlineData(S3ChecksumAlgorithm.Crc32C, "e3069283")]
    [InlineData(S3ChecksumAlgorithm.Sha256, "15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225")]
    public void Known_answers_are_big_endian_base64(S3ChecksumAlgorithm algorithm, string expectedHex)
    {
        var checksum = S3ChecksumCalculator.Compute(algorithm, Check);

        Convert.ToHexStringLower(Convert.FromBase64String(checksum.Base64Value)).Should().Be(expectedHex);
    }

    [Fact]
    public void Crc32c_in_pieces_equals_crc32c_at_once()
    {
        var data = new byte[10_000];
        new Random(3).NextBytes(data);
        using var calculator = new S3ChecksumCalculator(S3ChecksumAlgorithm.Crc32C);

        calculator.Append(data.AsSpan(0, 7));
        calculator.Append(data.AsSpan(7, 4096));
        calculator.Append(data.AsSpan(4103));

        calculator.GetChecksum().Should().Be(S3ChecksumCalculator.Compute(S3ChecksumAlgorithm.Crc32C, data));
    }

    [Theory]
    [InlineData(S3ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32", "ChecksumCRC32")]
    [InlineData(S3ChecksumAlgorithm.Crc32C, "x-amz-checksum-crc32c", "ChecksumCRC32C")]
    [InlineData(S3ChecksumAlgorithm.Sha256, "x-amz-checksum-sha256", "ChecksumSHA256")]
    public void Header_and_element_names_follow_the_algorithm(S3ChecksumAlgorithm algorithm, string header, string element)
    {
        var checksum = new S3Checksum(algorithm, "AAAA");

        checksum.HeaderName.Should().Be(header);
        checksum.ElementName.Should().Be(element);
    }
}
