using System.Text;
using S3Client.Signing.Internal;
using S3Client.WireLogging.Internal;

namespace S3Client.Core.Tests.WireLogging;

/// <summary>The canonical request and string to sign are rebuilt from the signed request as the signer built them.</summary>
public class CanonicalRequestTraceTests
{
    [Fact]
    public void A_signed_request_gives_the_published_canonical_request_and_string_to_sign()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        new SigV4Signer("us-east-1").Sign(
            request, new S3Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero), SigV4Signer.EmptyPayloadHash);

        var trace = CanonicalRequestTrace.From(request);

        trace!.CanonicalRequest.Should().Be(
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n" +
            "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20130524T000000Z\n\n" +
            "host;range;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        trace.StringToSign.Should().Be(
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    }

    [Fact]
    public void An_unsigned_request_has_no_trace()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");

        CanonicalRequestTrace.From(request).Should().BeNull();
    }

    [Fact]
    public void The_service_body_gives_its_canonical_request_and_decodes_the_string_to_sign_bytes()
    {
        var body = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message>m</Message>" +
            "<StringToSignBytes>41 57 53 34 0a 78</StringToSignBytes><CanonicalRequest>GET\n/b/k\n</CanonicalRequest><RequestId>r</RequestId></Error>");

        var parsed = SignatureMismatchBody.TryParse(body);

        parsed.Should().Be(new SignatureMismatchBody("SignatureDoesNotMatch", "GET\n/b/k\n", "AWS4\nx"));
        SignatureMismatchBody.TryParse(Encoding.UTF8.GetBytes("not xml")).Should().BeNull();
    }
}
