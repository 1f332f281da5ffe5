using WireMock;

namespace S3Client.Core.Tests.Client;

/// <summary>The SigV4 facts every request from the client must carry, checked on the request as received.</summary>
public static class SignedRequestAssertions
{
    /// <summary>
    /// Authorization names the key and us-east-1 scope of the fixed date, signs host, x-amz-content-sha256 and
    /// x-amz-date (sorted), x-amz-date is the fake clock's time, and the signature matches the request as received.
    /// </summary>
    public static void ShouldBeSignedAtTheFixedTime(this IRequestMessage request, string credentialPrefix = WireMockS3.CredentialPrefix)
    {
        request.Header("Authorization").Should().StartWith(credentialPrefix + ", SignedHeaders=");
        var signedHeaders = request.SignedHeaders();
        signedHeaders.Should().Contain(["host", "x-amz-content-sha256", "x-amz-date"]);
        signedHeaders.Should().BeInAscendingOrder(StringComparer.Ordinal);
        request.Header("x-amz-date").Should().Be(WireMockS3.AmzDate);
        request.SentSignature().Should().Be(request.ExpectedSignature(WireMockS3.SecretAccessKey));
    }
}
