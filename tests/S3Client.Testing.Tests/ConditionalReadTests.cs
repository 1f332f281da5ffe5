using System.Net;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class ConditionalReadTests
{
    private static readonly DateTimeOffset Written = TestStore.Start;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task If_Match_with_the_current_entity_tag_reads_the_object_quoted_or_not(bool quoted)
    {
        var store = await TestStore.CreateAsync();
        var etag = (await store.PutAsync("k", "data")).ETag!;

        var text = await store.ReadAsync("k", new GetObjectOptions { IfMatch = quoted ? etag : etag.Trim('"') });

        text.Should().Be("data");
    }

    [Fact]
    public async Task If_Match_with_another_entity_tag_is_PreconditionFailed_412()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "data");

        var get = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { IfMatch = "\"other\"" });
        var head = () => store.Client.HeadObjectAsync(TestStore.Bucket, "k", new HeadObjectOptions { IfMatch = "\"other\"" });

        var thrown = await get.Should().ThrowAsync<S3PreconditionFailedException>();
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        thrown.Which.ErrorCode.Should().Be("PreconditionFailed");
        (await head.Should().ThrowAsync<S3PreconditionFailedException>()).Which.ErrorCode.Should().BeNull("a HEAD answer has no body");
    }

    [Fact]
    public async Task If_None_Match_with_the_current_entity_tag_is_NotModified_304()
    {
        var store = await TestStore.CreateAsync();
        var etag = (await store.PutAsync("k", "data")).ETag!;

        var get = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { IfNoneMatch = etag });
        var changed = await store.ReadAsync("k", new GetObjectOptions { IfNoneMatch = "\"older\"" });

        var thrown = await get.Should().ThrowAsync<S3NotModifiedException>();
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.NotModified);
        thrown.Which.ErrorCode.Should().BeNull("a 304 has no body");
        changed.Should().Be("data");
    }

    [Fact]
    public async Task If_Modified_Since_reads_a_newer_object_and_is_304_for_an_unchanged_one()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "data");

        var newer = await store.ReadAsync("k", new GetObjectOptions { IfModifiedSince = Written.AddSeconds(-1) });
        var same = () => store.Client.HeadObjectAsync(TestStore.Bucket, "k", new HeadObjectOptions { IfModifiedSince = Written.AddMilliseconds(400) });

        newer.Should().Be("data");
        await same.Should().ThrowAsync<S3NotModifiedException>();
    }

    [Fact]
    public async Task If_Unmodified_Since_before_the_last_write_is_PreconditionFailed()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "data");

        var unchanged = await store.ReadAsync("k", new GetObjectOptions { IfUnmodifiedSince = Written });
        var act = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { IfUnmodifiedSince = Written.AddSeconds(-1) });

        unchanged.Should().Be("data");
        await act.Should().ThrowAsync<S3PreconditionFailedException>();
    }

    [Fact]
    public async Task A_matching_If_Match_wins_over_a_failing_If_Unmodified_Since()
    {
        var store = await TestStore.CreateAsync();
        var etag = (await store.PutAsync("k", "data")).ETag!;

        var text = await store.ReadAsync("k", new GetObjectOptions { IfMatch = etag, IfUnmodifiedSince = Written.AddDays(-1) });

        text.Should().Be("data");
    }

    [Fact]
    public async Task If_None_Match_decides_and_If_Modified_Since_is_then_ignored()
    {
        var store = await TestStore.CreateAsync();
        var etag = (await store.PutAsync("k", "data")).ETag!;

        var differentTag = await store.ReadAsync("k", new GetObjectOptions { IfNoneMatch = "\"other\"", IfModifiedSince = Written.AddDays(1) });
        var sameTag = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { IfNoneMatch = etag, IfModifiedSince = Written.AddDays(-1) });

        differentTag.Should().Be("data");
        await sameTag.Should().ThrowAsync<S3NotModifiedException>();
    }
}
