using System.Net;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class BucketTests
{
    [Fact]
    public async Task A_created_bucket_exists_and_is_listed_by_name_with_its_creation_time()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestStore.Start);
        var client = new InMemoryS3Client(time);

        await client.CreateBucketAsync("zeta");
        time.Advance(TimeSpan.FromMinutes(1));
        await client.CreateBucketAsync("alpha");

        (await client.BucketExistsAsync("zeta")).Should().BeTrue();
        (await client.BucketExistsAsync("missing")).Should().BeFalse();
        (await client.ListBucketsAsync()).Should().Equal(
            new S3BucketInfo("alpha", TestStore.Start.AddMinutes(1)), new S3BucketInfo("zeta", TestStore.Start));
    }

    [Fact]
    public async Task Creating_a_bucket_twice_is_BucketAlreadyOwnedByYou_409()
    {
        var store = await TestStore.CreateAsync();

        var act = () => store.Client.CreateBucketAsync(TestStore.Bucket);

        var thrown = await act.Should().ThrowAsync<S3ConflictException>();
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
        thrown.Which.ErrorCode.Should().Be("BucketAlreadyOwnedByYou");
        thrown.Which.BucketName.Should().Be(TestStore.Bucket);
    }

    [Fact]
    public async Task Deleting_a_bucket_with_an_object_is_BucketNotEmpty_409_and_keeps_it()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("keep.txt", "data");

        var act = () => store.Client.DeleteBucketAsync(TestStore.Bucket);

        var thrown = await act.Should().ThrowAsync<S3ConflictException>();
        thrown.Which.ErrorCode.Should().Be("BucketNotEmpty");
        (await store.Client.BucketExistsAsync(TestStore.Bucket)).Should().BeTrue();
    }

    [Fact]
    public async Task A_bucket_holding_only_a_delete_marker_is_not_empty()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        await store.Client.DeleteObjectAsync(TestStore.Bucket, "never-written");

        var act = () => store.Client.DeleteBucketAsync(TestStore.Bucket);

        (await act.Should().ThrowAsync<S3ConflictException>()).Which.ErrorCode.Should().Be("BucketNotEmpty");
    }

    [Fact]
    public async Task Deleting_an_empty_bucket_removes_it_and_its_unfinished_uploads()
    {
        var store = await TestStore.CreateAsync();
        await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "pending.bin");

        await store.Client.DeleteBucketAsync(TestStore.Bucket);

        (await store.Client.BucketExistsAsync(TestStore.Bucket)).Should().BeFalse();
        (await store.Client.ListBucketsAsync()).Should().BeEmpty();
        await store.Client.CreateBucketAsync(TestStore.Bucket);
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Every_call_on_a_missing_bucket_is_NoSuchBucket_404()
    {
        var client = new InMemoryS3Client();
        var calls = new Dictionary<string, Func<Task>>
        {
            ["PutObject"] = () => client.PutObjectAsync("missing", "k", new MemoryStream([1])),
            ["GetObject"] = () => client.GetObjectAsync("missing", "k"),
            ["DeleteObject"] = () => client.DeleteObjectAsync("missing", "k"),
            ["DeleteBucket"] = () => client.DeleteBucketAsync("missing"),
            ["ListObjectsV2"] = () => client.ListObjectsPageAsync("missing"),
            ["DeleteObjects"] = () => client.DeleteObjectsAsync("missing", ["k"]),
            ["CreateMultipartUpload"] = () => client.CreateMultipartUploadAsync("missing", "k"),
            ["PutBucketVersioning"] = () => client.SetBucketVersioningAsync("missing", true),
            ["ListObjectVersions"] = () => client.ListObjectVersionsAsync("missing").ToListAsync().AsTask(),
            ["ListMultipartUploads"] = () => client.ListMultipartUploadsAsync("missing").ToListAsync().AsTask(),
        };

        foreach (var (operation, call) in calls)
        {
            var thrown = await call.Should().ThrowAsync<S3NotFoundException>(operation);
            thrown.Which.ErrorCode.Should().Be("NoSuchBucket", operation);
            thrown.Which.Operation.Should().Be(operation);
            thrown.Which.BucketName.Should().Be("missing");
        }
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper-Case")]
    [InlineData("under_score")]
    [InlineData("-leading-dash")]
    [InlineData("two..dots")]
    [InlineData("192.168.1.1")]
    public async Task Invalid_bucket_names_are_refused_like_the_real_client_and_nothing_is_created(string name)
    {
        var client = new InMemoryS3Client();

        var fake = await Record.ExceptionAsync(() => client.CreateBucketAsync(name));

        fake.ShouldMatchArgumentError(await RealClient.ThrowsBeforeSendingAsync(c => c.CreateBucketAsync(name)));
        (await client.ListBucketsAsync()).Should().BeEmpty();
    }
}
