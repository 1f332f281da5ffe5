using System.Net;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class VersioningTests
{
    [Fact]
    public async Task A_new_bucket_is_not_versioned_and_reports_no_version_ids()
    {
        var store = await TestStore.CreateAsync();

        var put = await store.PutAsync("k", "x");

        (await store.Client.GetBucketVersioningAsync(TestStore.Bucket)).Should().Be(S3VersioningStatus.Off);
        put.VersionId.Should().BeNull();
        (await store.Client.HeadObjectAsync(TestStore.Bucket, "k")).VersionId.Should().BeNull();
        (await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync()).Should().ContainSingle()
            .Which.VersionId.Should().Be("null");
    }

    [Fact]
    public async Task With_versioning_every_write_keeps_the_older_versions_readable_by_id()
    {
        var store = await TestStore.CreateAsync(versioned: true);

        var v1 = await store.PutAsync("k", "one");
        var v2 = await store.PutAsync("k", "two");

        v1.VersionId.Should().NotBeNullOrEmpty().And.NotBe(v2.VersionId);
        (await store.ReadAsync("k")).Should().Be("two");
        (await store.ReadAsync("k", new GetObjectOptions { VersionId = v1.VersionId })).Should().Be("one");
        var head = await store.Client.HeadObjectAsync(TestStore.Bucket, "k", new HeadObjectOptions { VersionId = v1.VersionId });
        head.VersionId.Should().Be(v1.VersionId);
        head.ETag.Should().Be(v1.ETag);
    }

    [Fact]
    public async Task Deleting_without_a_version_adds_a_delete_marker_that_hides_the_object()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        var v1 = await store.PutAsync("k", "one");

        await store.Client.DeleteObjectAsync(TestStore.Bucket, "k");

        var get = () => store.Client.GetObjectAsync(TestStore.Bucket, "k");
        (await get.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchKey");
        (await store.KeysAsync()).Should().BeEmpty();
        var versions = await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync();
        versions.Should().HaveCount(2);
        versions[0].Should().Match<S3ObjectVersion>(v => v.IsDeleteMarker && v.IsLatest && v.ETag == null && v.Size == 0);
        versions[1].Should().Match<S3ObjectVersion>(v => v.VersionId == v1.VersionId && !v.IsLatest && !v.IsDeleteMarker);
        (await store.ReadAsync("k", new GetObjectOptions { VersionId = v1.VersionId })).Should().Be("one");
    }

    [Fact]
    public async Task Reading_a_delete_marker_by_its_version_id_is_MethodNotAllowed_405()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        await store.PutAsync("k", "one");
        await store.Client.DeleteObjectAsync(TestStore.Bucket, "k");
        var marker = (await store.Client.ListObjectVersionsAsync(TestStore.Bucket).FirstAsync()).VersionId;

        var act = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { VersionId = marker });

        var thrown = await act.Should().ThrowAsync<S3ClientException>();
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        thrown.Which.ErrorCode.Should().Be("MethodNotAllowed");
    }

    [Fact]
    public async Task Deleting_a_version_removes_it_for_good_and_deleting_the_marker_restores_the_object()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        var v1 = await store.PutAsync("k", "one");
        var v2 = await store.PutAsync("k", "two");
        await store.Client.DeleteObjectAsync(TestStore.Bucket, "k");
        var marker = (await store.Client.ListObjectVersionsAsync(TestStore.Bucket).FirstAsync()).VersionId;

        await store.Client.DeleteObjectAsync(TestStore.Bucket, "k", new DeleteObjectOptions { VersionId = v2.VersionId });
        await store.Client.DeleteObjectAsync(TestStore.Bucket, "k", new DeleteObjectOptions { VersionId = marker });

        (await store.ReadAsync("k")).Should().Be("one");
        (await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync()).Select(v => v.VersionId).Should().Equal(v1.VersionId);
        var old = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { VersionId = v2.VersionId });
        (await old.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchVersion");
    }

    [Fact]
    public async Task Versions_are_listed_in_key_order_newest_first_within_a_key_and_filtered_by_prefix()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        var b1 = await store.PutAsync("b", "1");
        var a1 = await store.PutAsync("a", "1");
        store.Time.Advance(TimeSpan.FromSeconds(1));
        var b2 = await store.PutAsync("b", "2");
        await store.PutAsync("other/x", "1");

        var versions = await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync();
        var underB = await store.Client.ListObjectVersionsAsync(TestStore.Bucket, prefix: "b").ToListAsync();

        versions.Select(v => (v.Key, v.VersionId, v.IsLatest)).Should().Equal(
            ("a", a1.VersionId!, true), ("b", b2.VersionId!, true), ("b", b1.VersionId!, false), ("other/x", versions[3].VersionId, true));
        versions[1].LastModified.Should().Be(TestStore.Start.AddSeconds(1));
        underB.Should().HaveCount(2);
    }

    [Fact]
    public async Task Suspended_versioning_replaces_the_null_version_and_keeps_the_others()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "before versioning");
        await store.Client.SetBucketVersioningAsync(TestStore.Bucket, enabled: true);
        var kept = await store.PutAsync("k", "versioned");
        await store.Client.SetBucketVersioningAsync(TestStore.Bucket, enabled: false);

        var first = await store.PutAsync("k", "suspended 1");
        await store.PutAsync("k", "suspended 2");

        (await store.Client.GetBucketVersioningAsync(TestStore.Bucket)).Should().Be(S3VersioningStatus.Suspended);
        first.VersionId.Should().Be("null");
        var versions = await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync();
        versions.Select(v => v.VersionId).Should().Equal("null", kept.VersionId);
        (await store.ReadAsync("k")).Should().Be("suspended 2");
        (await store.ReadAsync("k", new GetObjectOptions { VersionId = kept.VersionId })).Should().Be("versioned");
    }

    [Fact]
    public async Task Suspending_a_never_versioned_bucket_makes_it_Suspended()
    {
        var store = await TestStore.CreateAsync();

        await store.Client.SetBucketVersioningAsync(TestStore.Bucket, enabled: false);

        (await store.Client.GetBucketVersioningAsync(TestStore.Bucket)).Should().Be(S3VersioningStatus.Suspended);
    }

    [Fact]
    public async Task An_unknown_version_id_is_NoSuchVersion_404()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        await store.PutAsync("k", "x");

        var act = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { VersionId = "no-such-version" });

        (await act.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchVersion");
    }
}
