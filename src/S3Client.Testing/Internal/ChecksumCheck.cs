using S3Client.Checksums.Internal;

namespace S3Client.Testing.Internal;

/// <summary>Verifies an <c>x-amz-checksum-*</c> value as S3 does (400 <c>BadDigest</c> when it does not match).</summary>
internal static class ChecksumCheck
{
    public static void ThrowIfMismatch(S3Checksum? checksum, byte[] content, FakeRequest request)
    {
        if (checksum is null)
        {
            return;
        }

        var actual = S3ChecksumCalculator.Compute(checksum.Algorithm, content);
        if (actual.Base64Value != checksum.Base64Value)
        {
            throw request.Error(
                System.Net.HttpStatusCode.BadRequest, "BadDigest", $"The {checksum.Algorithm.ToString().ToUpperInvariant()} you specified did not match the calculated checksum.");
        }
    }
}
