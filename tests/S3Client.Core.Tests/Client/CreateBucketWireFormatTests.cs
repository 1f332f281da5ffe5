using System.Security.Cryptography;
using System.Xml.Linq;

namespace S3Client.Core.Tests.Client;

[Collection(WireFormatCollection.Name)]
public sealed class CreateBucketWireFormatTests : IClassFixture<WireMockS3>
{
    private static readonly XNamespace S3 = "http://s3.amazonaws.com/doc/2006-03-01/";

    private readonly WireMockS3 _s3;

    public CreateBucketWireFormatTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Fact]
    public async Task CreateBucket_sends_a_signed_PUT_to_the_bucket_path_without_a_body()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.CreateBucketAsync("bucket");

        var request = _s3.SingleRequest;
        request.Method.Should().Be("PUT");
        request.RawTarget().Should().Be("/bucket");
        request.Body().Should().BeEmpty();
        request.Header("Content-Type").Should().BeNull();
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task CreateBucket_without_a_location_sends_no_body_to_a_ServiceUrl_even_when_the_region_is_not_us_east_1()
    {
        _s3.RespondWithStatus(200);
        var client = _s3.CreateClient(region: "eu-west-1");

        await client.CreateBucketAsync("bucket");

        var request = _s3.SingleRequest;
        request.Body().Should().BeEmpty();
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/eu-west-1/s3/aws4_request");
    }

    [Fact]
    public async Task CreateBucket_with_a_LocationConstraint_sends_the_CreateBucketConfiguration_xml_and_its_sha256()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.CreateBucketAsync("bucket", new CreateBucketOptions { LocationConstraint = "eu-west-1" });

        var request = _s3.SingleRequest;
        var body = request.Body();
        body[0].Should().Be((byte)'<', "the XML is sent without a byte-order mark");
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
        xml.Root!.Name.Should().Be(S3 + "CreateBucketConfiguration");
        xml.Root.Elements().Should().ContainSingle().Which.Should().BeEquivalentTo(new XElement(S3 + "LocationConstraint", "eu-west-1"));
        request.Header("Content-Type").Should().Be("application/xml");
        request.Header("Content-Length").Should().Be(body.Length.ToString());
        request.Header("x-amz-content-sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(body)));
        request.SignedHeaders().Should().Contain("content-type");
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("my.bucket-1")]
    [InlineData("1bucket")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public async Task CreateBucket_accepts_a_valid_bucket_name_and_sends_it_in_the_path(string bucket)
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.CreateBucketAsync(bucket);

        _s3.SingleRequest.RawTarget().Should().Be("/" + bucket);
    }

    [Theory]
    [MemberData(nameof(InvalidInput.BucketNames), MemberType = typeof(InvalidInput))]
    public async Task CreateBucket_with_an_invalid_bucket_name_throws_before_sending(string bucket)
    {
        _s3.RespondWithStatus(200);

        var create = () => _s3.Client.CreateBucketAsync(bucket);

        await create.Should().ThrowAsync<ArgumentException>().WithParameterName("bucket");
        _s3.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task CreateBucket_with_a_line_break_in_the_LocationConstraint_throws_before_sending()
    {
        _s3.RespondWithStatus(200);

        var create = () => _s3.Client.CreateBucketAsync("bucket", new CreateBucketOptions { LocationConstraint = "eu-west-1\r\n" });

        await create.Should().ThrowAsync<ArgumentException>();
        _s3.Requests.Should().BeEmpty();
    }
}
