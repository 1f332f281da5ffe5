namespace S3Client.Core.Tests.Client;

[Collection(WireFormatCollection.Name)]
public sealed class DeleteBucketWireFormatTests : IClassFixture<WireMockS3>
{
    private readonly WireMockS3 _s3;

    public DeleteBucketWireFormatTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Fact]
    public async Task DeleteBucket_sends_a_signed_DELETE_to_the_bucket_path_without_a_body_and_accepts_204()
    {
        _s3.RespondWithStatus(204);

        await _s3.Client.DeleteBucketAsync("bucket");

        var request = _s3.SingleRequest;
        request.Method.Should().Be("DELETE");
        request.RawTarget().Should().Be("/bucket");
        request.Body().Should().BeEmpty();
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.BucketNames), MemberType = typeof(InvalidInput))]
    public async Task DeleteBucket_with_an_invalid_bucket_name_throws_before_sending(string bucket)
    {
        _s3.RespondWithStatus(204);

        var delete = () => _s3.Client.DeleteBucketAsync(bucket);

        await delete.Should().ThrowAsync<ArgumentException>().WithParameterName("bucket");
        _s3.Requests.Should().BeEmpty();
    }
}
