using System.Text;
using WireMock.ResponseBuilders;

namespace S3Client.Core.Tests.Client;

[Collection(WireFormatCollection.Name)]
public sealed class GetObjectWireFormatTests : IClassFixture<WireMockS3>
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("0123456789 the object bytes");

    private static readonly Dictionary<string, S3ByteRange> RangesByCase = new()
    {
        ["Between(0, 9)"] = S3ByteRange.Between(0, 9),
        ["StartingAt(5)"] = S3ByteRange.StartingAt(5),
        ["LastBytes(3)"] = S3ByteRange.LastBytes(3),
    };

    private readonly WireMockS3 _s3;

    public GetObjectWireFormatTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Fact]
    public async Task Get_sends_a_signed_GET_without_body_range_or_query()
    {
        _s3.RespondWithBody(200, Body);

        using var result = await _s3.Client.GetObjectAsync("bucket", "photos/cat.jpg");

        var request = _s3.SingleRequest;
        request.Method.Should().Be("GET");
        request.RawTarget().Should().Be("/bucket/photos/cat.jpg");
        request.Body().Should().BeEmpty();
        request.Header("Range").Should().BeNull();
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Get_with_a_version_id_sends_it_encoded_in_the_query()
    {
        _s3.RespondWithBody(200, Body);

        using var result = await _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { VersionId = "3HL4kqtJ+rmSp/d3d=" });

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be("/bucket/key?versionId=3HL4kqtJ%2BrmSp%2Fd3d%3D");
        request.Query!["versionId"].Should().Equal("3HL4kqtJ+rmSp/d3d=");
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [InlineData("Between(0, 9)", "bytes=0-9", 0, 9)]
    [InlineData("StartingAt(5)", "bytes=5-", 5, 26)]
    [InlineData("LastBytes(3)", "bytes=-3", 24, 26)]
    public async Task Get_with_a_byte_range_sends_the_Range_header_and_signs_it(string rangeCase, string expectedHeader, int first, int last)
    {
        _s3.RespondWithBody(206, Body[first..(last + 1)], ("Content-Range", $"bytes {first}-{last}/27"));

        using var result = await _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = RangesByCase[rangeCase] });

        var request = _s3.SingleRequest;
        request.Header("Range").Should().Be(expectedHeader);
        request.SignedHeaders().Should().Contain("range");
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Get_returns_the_content_bytes_and_the_object_headers()
    {
        _s3.RespondWithBody(200, Body,
            ("Content-Type", "image/jpeg"),
            ("ETag", "\"6805f2cfc46c0f04559748bb039d69ae\""),
            ("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"),
            ("x-amz-version-id", "v1"),
            ("x-amz-meta-color", "blue"),
            ("X-Amz-Meta-Owner-Id", "42"));

        using var result = await _s3.Client.GetObjectAsync("bucket", "key");
        var content = await ReadAllAsync(result.Content);

        content.Should().Equal(Body);
        result.ContentLength.Should().Be(Body.Length);
        result.ContentType.Should().Be("image/jpeg");
        result.ETag.Should().Be("\"6805f2cfc46c0f04559748bb039d69ae\"");
        result.LastModified.Should().Be(new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero));
        result.VersionId.Should().Be("v1");
        result.Metadata.Should().BeEquivalentTo(new Dictionary<string, string> { ["color"] = "blue", ["Owner-Id"] = "42" });
        result.Metadata["owner-id"].Should().Be("42", "metadata names compare case-insensitively");
    }

    [Fact]
    public async Task Get_returns_no_metadata_when_the_response_has_none()
    {
        _s3.RespondWithBody(200, Body);

        using var result = await _s3.Client.GetObjectAsync("bucket", "key");

        result.Metadata.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_of_a_range_returns_the_range_bytes_length_and_Content_Range()
    {
        _s3.RespondWithBody(206, Body[..10], ("Content-Range", "bytes 0-9/27"));

        using var result = await _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = S3ByteRange.Between(0, 9) });
        var content = await ReadAllAsync(result.Content);

        content.Should().Equal(Body[..10]);
        result.ContentLength.Should().Be(10);
        result.ContentRange.Should().Be("bytes 0-9/27");
    }

    [Fact]
    public async Task Get_of_a_response_without_Content_Length_reports_the_length_as_unknown_not_zero()
    {
        // WireMock sends a body without a declared length chunked, as a proxy or compressing server may.
        _s3.RespondWith(Response.Create().WithStatusCode(200).WithBody(Body));

        using var result = await _s3.Client.GetObjectAsync("bucket", "key");
        var content = await ReadAllAsync(result.Content);

        content.Should().Equal(Body);
        result.ContentLength.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(ObjectKeys.Encodings), MemberType = typeof(ObjectKeys))]
    public async Task Get_sends_the_key_encoded_once_and_never_normalised(string key, string expectedPath)
    {
        _s3.RespondWithBody(200, Body);

        using var result = await _s3.Client.GetObjectAsync("bucket", key);

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be(expectedPath);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.BucketNames), MemberType = typeof(InvalidInput))]
    public async Task Get_with_an_invalid_bucket_name_throws_before_sending(string bucket)
    {
        _s3.RespondWithStatus(200);

        var get = () => _s3.Client.GetObjectAsync(bucket, "key");

        await get.Should().ThrowAsync<ArgumentException>().WithParameterName("bucket");
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.KeyCases), MemberType = typeof(InvalidInput))]
    public async Task Get_with_an_invalid_key_throws_before_sending(string keyCase)
    {
        _s3.RespondWithStatus(200);

        var get = () => _s3.Client.GetObjectAsync("bucket", InvalidInput.Key(keyCase));

        await get.Should().ThrowAsync<ArgumentException>().WithParameterName("key");
        _s3.Requests.Should().BeEmpty();
    }

    private static async Task<byte[]> ReadAllAsync(Stream content)
    {
        using var read = new MemoryStream();
        await content.CopyToAsync(read);
        return read.ToArray();
    }
}
