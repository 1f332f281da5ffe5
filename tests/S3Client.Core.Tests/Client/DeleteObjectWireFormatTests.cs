namespace S3Client.Core.Tests.Client;

[Collection(WireFormatCollection.Name)]
public sealed class DeleteObjectWireFormatTests : IClassFixture<WireMockS3>
{
    private readonly WireMockS3 _s3;

    public DeleteObjectWireFormatTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Fact]
    public async Task Delete_sends_a_signed_DELETE_without_body_or_query_and_accepts_204()
    {
        _s3.RespondWithStatus(204);

        await _s3.Client.DeleteObjectAsync("bucket", "photos/cat.jpg");

        var request = _s3.SingleRequest;
        request.Method.Should().Be("DELETE");
        request.RawTarget().Should().Be("/bucket/photos/cat.jpg");
        request.Body().Should().BeEmpty();
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Delete_with_a_version_id_sends_it_encoded_in_the_query()
    {
        _s3.RespondWithStatus(204);

        await _s3.Client.DeleteObjectAsync("bucket", "key", new DeleteObjectOptions { VersionId = "3HL4kqtJ+rmSp/d3d=" });

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be("/bucket/key?versionId=3HL4kqtJ%2BrmSp%2Fd3d%3D");
        request.Query!["versionId"].Should().Equal("3HL4kqtJ+rmSp/d3d=");
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [MemberData(nameof(ObjectKeys.Encodings), MemberType = typeof(ObjectKeys))]
    public async Task Delete_sends_the_key_encoded_once_and_never_normalised(string key, string expectedPath)
    {
        _s3.RespondWithStatus(204);

        await _s3.Client.DeleteObjectAsync("bucket", key);

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be(expectedPath);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.BucketNames), MemberType = typeof(InvalidInput))]
    public async Task Delete_with_an_invalid_bucket_name_throws_before_sending(string bucket)
    {
        _s3.RespondWithStatus(204);

        var delete = () => _s3.Client.DeleteObjectAsync(bucket, "key");

        await delete.Should().ThrowAsync<ArgumentException>().WithParameterName("bucket");
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.KeyCases), MemberType = typeof(InvalidInput))]
    public async Task Delete_with_an_invalid_key_throws_before_sending(string keyCase)
    {
        _s3.RespondWithStatus(204);

        var delete = () => _s3.Client.DeleteObjectAsync("bucket", InvalidInput.Key(keyCase));

        await delete.Should().ThrowAsync<ArgumentException>().WithParameterName("key");
        _s3.Requests.Should().BeEmpty();
    }
}
