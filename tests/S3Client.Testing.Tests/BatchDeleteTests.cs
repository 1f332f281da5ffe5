using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class BatchDeleteTests
{
    [Fact]
    public async Task Deletes_the_listed_keys_and_missing_keys_are_not_errors()
    {
        var store = await TestStore.CreateAsync();
        foreach (var key in new[] { "a", "b", "c" })
        {
            await store.PutAsync(key, "x");
        }

        var result = await store.Client.DeleteObjectsAsync(TestStore.Bucket, ["a", "c", "never-there"]);

        result.IsSuccess.Should().BeTrue();
        result.Deleted.Should().BeEmpty("quiet mode is the default");
        (await store.KeysAsync()).Should().Equal("b");
    }

    [Fact]
    public async Task Without_quiet_mode_every_key_is_reported()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("a", "x");

        var result = await store.Client.DeleteObjectsAsync(TestStore.Bucket, ["a", "missing"], new DeleteObjectsOptions { Quiet = false });

        result.Deleted.Should().Equal(new S3DeletedObject("a", null, null), new S3DeletedObject("missing", null, null));
    }

    [Fact]
    public async Task In_a_versioned_bucket_keys_get_delete_markers_and_versions_are_removed_for_good()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        var a = await store.PutAsync("a", "x");
        await store.PutAsync("b", "x");

        var result = await store.Client.DeleteObjectsAsync(
            TestStore.Bucket, [new S3ObjectIdentifier("a", a.VersionId), "b"], new DeleteObjectsOptions { Quiet = false });

        result.Deleted[0].Should().Be(new S3DeletedObject("a", a.VersionId, null));
        result.Deleted[1].Key.Should().Be("b");
        result.Deleted[1].DeleteMarkerVersionId.Should().NotBeNullOrEmpty();
        var versions = await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync();
        versions.Where(v => v.Key == "a").Should().BeEmpty();
        versions.Where(v => v.Key == "b").Should().HaveCount(2).And.Contain(v => v.IsDeleteMarker && v.IsLatest);
    }

    [Fact]
    public async Task An_empty_batch_sends_nothing_so_even_a_missing_bucket_is_not_an_error()
    {
        var client = new InMemoryS3Client();

        var result = await client.DeleteObjectsAsync("missing-bucket", []);

        result.IsSuccess.Should().BeTrue();
        result.Deleted.Should().BeEmpty();
    }

    [Fact]
    public async Task An_invalid_key_is_refused_like_the_real_client_before_anything_is_deleted()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("a", "x");
        S3ObjectIdentifier[] objects = ["a", ""];

        var fake = await Record.ExceptionAsync(() => store.Client.DeleteObjectsAsync(TestStore.Bucket, objects));

        fake.ShouldMatchArgumentError(await RealClient.ThrowsBeforeSendingAsync(c => c.DeleteObjectsAsync(TestStore.Bucket, objects)));
        (await store.KeysAsync()).Should().Equal("a");
    }
}
