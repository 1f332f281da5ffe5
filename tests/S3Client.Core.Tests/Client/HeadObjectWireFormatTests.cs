using WireMock.ResponseBuilders;

namespace S3Client.Core.Tests.Client;

[Collection(WireFormatCollection.Name)]
public sealed class HeadObjectWireFormatTests : IClassFixture<WireMockS3>
{
    private readonly WireMockS3 _s3;

    public HeadObjectWireFormatTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Fact]
    public async Task Head_sends_a_signed_HEAD_without_body_or_query()
    {
        _s3.RespondWithBody(200, []);

        await _s3.Client.HeadObjectAsync("bucket", "photos/cat.jpg");

        var request = _s3.SingleRequest;
        request.Method.Should().Be("HEAD");
        request.RawTarget().Should().Be("/bucket/photos/cat.jpg");
        request.Body().Should().BeEmpty();
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Head_with_a_version_id_sends_it_encoded_in_the_query()
    {
        _s3.RespondWithBody(200, []);

        await _s3.Client.HeadObjectAsync("bucket", "key", new HeadObjectOptions { VersionId = "3HL4kqtJ+rmSp/d3d=" });

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be("/bucket/key?versionId=3HL4kqtJ%2BrmSp%2Fd3d%3D");
        request.Query!["versionId"].Should().Equal("3HL4kqtJ+rmSp/d3d=");
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Head_returns_the_object_headers_and_metadata()
    {
        _s3.RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Length", "434234")
            .WithHeader("Content-Type", "image/jpeg")
            .WithHeader("ETag", "\"fba9dede5f27731c9771645a39863328-2\"")
            .WithHeader("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")
            .WithHeader("Cache-Control", "max-age=60")
            .WithHeader("Content-Disposition", "attachment; filename=\"cat.jpg\"")
            .WithHeader("x-amz-storage-class", "STANDARD_IA")
            .WithHeader("x-amz-version-id", "v1")
            .WithHeader("x-amz-meta-color", "blue")
            .WithHeader("X-Amz-Meta-Owner-Id", "42"));

        var metadata = await _s3.Client.HeadObjectAsync("bucket", "key");

        metadata.ContentLength.Should().Be(434234);
        metadata.ContentType.Should().Be("image/jpeg");
        metadata.ETag.Should().Be("\"fba9dede5f27731c9771645a39863328-2\"");
        metadata.LastModified.Should().Be(new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero));
        metadata.CacheControl.Should().Be("max-age=60");
        metadata.ContentDisposition.Should().Be("attachment; filename=\"cat.jpg\"");
        metadata.StorageClass.Should().Be("STANDARD_IA");
        metadata.VersionId.Should().Be("v1");
        metadata.Metadata.Should().BeEquivalentTo(new Dictionary<string, string> { ["color"] = "blue", ["Owner-Id"] = "42" });
    }

    [Fact]
    public async Task Head_returns_no_metadata_when_the_response_has_none()
    {
        _s3.RespondWithBody(200, []);

        var metadata = await _s3.Client.HeadObjectAsync("bucket", "key");

        metadata.Metadata.Should().BeEmpty();
        metadata.StorageClass.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(ObjectKeys.Encodings), MemberType = typeof(ObjectKeys))]
    public async Task Head_sends_the_key_encoded_once_and_never_normalised(string key, string expectedPath)
    {
        _s3.RespondWithBody(200, []);

        await _s3.Client.HeadObjectAsync("bucket", key);

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be(expectedPath);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.BucketNames), MemberType = typeof(InvalidInput))]
    public async Task Head_with_an_invalid_bucket_name_throws_before_sending(string bucket)
    {
        _s3.RespondWithBody(200, []);

        var head = () => _s3.Client.HeadObjectAsync(bucket, "key");

        await head.Should().ThrowAsync<ArgumentException>().WithParameterName("bucket");
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.KeyCases), MemberType = typeof(InvalidInput))]
    public async Task Head_with_an_invalid_key_throws_before_sending(string keyCase)
    {
        _s3.RespondWithBody(200, []);

        var head = () => _s3.Client.HeadObjectAsync("bucket", InvalidInput.Key(keyCase));

        await head.Should().ThrowAsync<ArgumentException>().WithParameterName("key");
        _s3.Requests.Should().BeEmpty();
    }
}
