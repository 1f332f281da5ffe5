using S3Client.WireLogging.Internal;

namespace S3Client.Core.Tests.WireLogging;

/// <summary>The wire log shows allow-listed headers and redacts every secret.</summary>
public class WireRedactionTests
{
    [Fact]
    public void Authorization_keeps_the_credential_scope_and_loses_the_signature()
    {
        WireRedaction.HeaderValue(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd",
                includeKeys: true)
            .Should().Be("AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=[redacted]");
    }

    [Theory]
    [InlineData("x-amz-security-token", "TOKEN", "[redacted]")]
    [InlineData("x-amz-server-side-encryption-customer-key", "S0VZ", "[redacted]")]
    [InlineData("x-amz-copy-source-server-side-encryption-customer-key", "S0VZ", "[redacted]")]
    [InlineData("x-amz-meta-owner", "alice", "[redacted]")]
    [InlineData("Cookie", "c=1", "[redacted]")]
    [InlineData("x-amz-date", "20260102T030405Z", "20260102T030405Z")]
    [InlineData("x-amz-server-side-encryption-customer-key-MD5", "bWQ1", "bWQ1")]
    [InlineData("x-amz-checksum-crc32", "AAAAAA==", "AAAAAA==")]
    public void Header_values_outside_the_allow_list_are_redacted(string name, string value, string shown) =>
        WireRedaction.HeaderValue(name, value, includeKeys: true).Should().Be(shown);

    [Fact]
    public void Presigned_url_parameters_are_redacted_and_keys_follow_the_setting()
    {
        var uri = new Uri("http://127.0.0.1:9000/bucket/secret/report.pdf?X-Amz-Credential=AKID%2F20260102&X-Amz-Signature=abc&X-Amz-Security-Token=tok&partNumber=2");

        WireRedaction.Url(uri, "bucket", "secret/report.pdf", includeKeys: true).Should().Be(
            "http://127.0.0.1:9000/bucket/secret/report.pdf?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Security-Token=[redacted]&partNumber=2");
        WireRedaction.Url(uri, "bucket", "secret/report.pdf", includeKeys: false).Should().Be(
            "http://127.0.0.1:9000/bucket/[key hidden]?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Security-Token=[redacted]&partNumber=2");
        WireRedaction.Url(new Uri("http://127.0.0.1:9000/bucket?list-type=2&prefix=secret%2F"), "bucket", null, includeKeys: false)
            .Should().Be("http://127.0.0.1:9000/bucket?list-type=2&prefix=[key hidden]");
        WireRedaction.HeaderValue("x-amz-copy-source", "/bucket/secret", includeKeys: false).Should().Be("[key hidden]");
    }
}
