using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class TaggingTests
{
    [Fact]
    public async Task Tags_given_at_put_are_read_back_then_replaced_and_removed()
    {
        var store = await TestStore.CreateAsync();
        var options = new PutObjectOptions();
        options.Tags["team"] = "a";

        await store.PutAsync("k", "x", options);
        var initial = await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k");
        await store.Client.PutObjectTagsAsync(TestStore.Bucket, "k", new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "1" });
        var replaced = await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k");
        await store.Client.DeleteObjectTagsAsync(TestStore.Bucket, "k");

        initial.Should().Equal(new Dictionary<string, string> { ["team"] = "a" });
        replaced.Should().Equal(new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "1" });
        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k")).Should().BeEmpty();
    }

    [Fact]
    public async Task Stored_tags_do_not_follow_later_changes_to_the_callers_dictionary()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "x");
        var tags = new Dictionary<string, string> { ["a"] = "1" };

        await store.Client.PutObjectTagsAsync(TestStore.Bucket, "k", tags);
        tags["b"] = "2";

        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k")).Keys.Should().Equal("a");
    }

    [Fact]
    public async Task Each_version_has_its_own_tags()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        var v1 = await store.PutAsync("k", "1");
        await store.PutAsync("k", "2");

        await store.Client.PutObjectTagsAsync(TestStore.Bucket, "k", new Dictionary<string, string> { ["old"] = "yes" }, v1.VersionId);

        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k", v1.VersionId)).Should().ContainKey("old");
        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k")).Should().BeEmpty();
    }

    [Fact]
    public async Task Tags_of_a_missing_key_are_NoSuchKey()
    {
        var store = await TestStore.CreateAsync();

        var act = () => store.Client.GetObjectTagsAsync(TestStore.Bucket, "missing");

        var thrown = await act.Should().ThrowAsync<S3NotFoundException>();
        thrown.Which.ErrorCode.Should().Be("NoSuchKey");
        thrown.Which.Operation.Should().Be("GetObjectTagging");
    }

    [Fact]
    public async Task More_than_ten_tags_are_refused_like_the_real_client()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "x");
        var tags = Enumerable.Range(0, 11).ToDictionary(i => $"t{i}", i => "v");

        var fake = await Record.ExceptionAsync(() => store.Client.PutObjectTagsAsync(TestStore.Bucket, "k", tags));

        fake.ShouldMatchArgumentError(await RealClient.ThrowsBeforeSendingAsync(c => c.PutObjectTagsAsync(TestStore.Bucket, "k", tags)));
        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "k")).Should().BeEmpty();
    }
}
