using S3Client.Testing;

namespace S3Client.Testing.Tests;

/// <summary>The fake can play an unavailable service, for tests of degradation paths, and keeps its data meanwhile.</summary>
public class OutageTests
{
    [Fact]
    public async Task Every_call_fails_during_an_outage_and_works_again_after_it()
    {
        var store = new InMemoryS3Client();
        await store.CreateBucketAsync("bucket");
        await store.PutObjectAsync("bucket", "key", new MemoryStream([1]));

        store.Outage = InMemoryS3Outage.ServiceUnavailable;
        var get = () => store.GetObjectAsync("bucket", "key");
        var put = () => store.PutObjectAsync("bucket", "key", new MemoryStream([2]));
        var part = () => store.UploadPartAsync("bucket", "key", "upload", 1, new MemoryStream([2]));
        (await get.Should().ThrowAsync<S3ServerException>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        await put.Should().ThrowAsync<S3ServerException>();
        await part.Should().ThrowAsync<S3ServerException>();

        store.Outage = InMemoryS3Outage.Unreachable;
        var list = () => store.ListObjectsAsync("bucket").ToListAsync().AsTask();
        await list.Should().ThrowAsync<HttpRequestException>();

        store.Outage = InMemoryS3Outage.None;
        (await store.HeadObjectAsync("bucket", "key")).ContentLength.Should().Be(1);
    }

    [Fact]
    public async Task Arguments_are_still_checked_first()
    {
        var store = new InMemoryS3Client { Outage = InMemoryS3Outage.Unreachable };

        var act = () => store.GetObjectAsync("Bad_Bucket", "key");

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
