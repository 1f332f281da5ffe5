using System.Text;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class ListingTests
{
    [Fact]
    public async Task Keys_are_listed_in_UTF8_binary_order()
    {
        var store = await TestStore.CreateAsync();
        string[] keys = ["b", "B", "a/b", "a", "é", "\uE000", "😀", "\uFFFD", "a b", "a-b", "A"];
        foreach (var key in keys)
        {
            await store.PutAsync(key, key);
        }

        var listed = await store.KeysAsync();

        var byUtf8Bytes = keys.OrderBy(k => Encoding.UTF8.GetBytes(k), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();
        listed.Should().Equal(byUtf8Bytes);
        listed.Should().ContainInOrder("\uFFFD", "😀");
    }

    [Fact]
    public async Task A_listing_entry_has_the_size_entity_tag_time_and_storage_class()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "12345");
        await store.PutAsync("cold", "1", new PutObjectOptions { StorageClass = "GLACIER" });

        var listed = await store.Client.ListObjectsAsync(TestStore.Bucket).ToListAsync();

        listed.Should().Equal(
            new S3ObjectInfo("cold", 1, TestStore.Md5ETag("1"), TestStore.Start, "GLACIER"),
            new S3ObjectInfo("k", 5, TestStore.Md5ETag("12345"), TestStore.Start, "STANDARD"));
    }

    [Fact]
    public async Task A_prefix_lists_only_the_keys_under_it()
    {
        var store = await TestStore.CreateAsync();
        foreach (var key in new[] { "logs/1", "logs/2", "logsX", "log", "photos/1" })
        {
            await store.PutAsync(key, "x");
        }

        (await store.KeysAsync(new ListObjectsOptions { Prefix = "logs/" })).Should().Equal("logs/1", "logs/2");
        (await store.KeysAsync(new ListObjectsOptions { Prefix = "nothing/" })).Should().BeEmpty();
    }

    [Fact]
    public async Task A_delimiter_groups_keys_into_common_prefixes_which_the_object_enumeration_leaves_out()
    {
        var store = await TestStore.CreateAsync();
        foreach (var key in new[] { "a/1", "a/2", "a/deep/3", "b/1", "root.txt", "z" })
        {
            await store.PutAsync(key, "x");
        }

        var top = await store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { Delimiter = "/" });
        var underA = await store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { Prefix = "a/", Delimiter = "/" });
        var enumerated = await store.KeysAsync(new ListObjectsOptions { Delimiter = "/" });

        top.CommonPrefixes.Should().Equal("a/", "b/");
        top.Objects.Select(o => o.Key).Should().Equal("root.txt", "z");
        top.IsTruncated.Should().BeFalse();
        underA.CommonPrefixes.Should().Equal("a/deep/");
        underA.Objects.Select(o => o.Key).Should().Equal("a/1", "a/2");
        enumerated.Should().Equal("root.txt", "z");
    }

    [Fact]
    public async Task StartAfter_lists_the_keys_after_it()
    {
        var store = await TestStore.CreateAsync();
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await store.PutAsync(key, "x");
        }

        (await store.KeysAsync(new ListObjectsOptions { StartAfter = "b" })).Should().Equal("c", "d");
        (await store.KeysAsync(new ListObjectsOptions { StartAfter = "bb" })).Should().Equal("c", "d");
    }

    [Fact]
    public async Task Pages_hold_PageSize_entries_and_continuation_tokens_lead_to_the_last_page()
    {
        var store = await TestStore.CreateAsync();
        for (var i = 0; i < 7; i++)
        {
            await store.PutAsync($"k{i}", "x");
        }

        var pages = new List<ListObjectsPage>();
        string? token = null;
        do
        {
            var page = await store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { PageSize = 3, ContinuationToken = token });
            pages.Add(page);
            token = page.NextContinuationToken;
        }
        while (token is not null);

        pages.Select(p => p.Objects.Count).Should().Equal(3, 3, 1);
        pages.Select(p => p.IsTruncated).Should().Equal(true, true, false);
        pages.SelectMany(p => p.Objects).Select(o => o.Key).Should().Equal("k0", "k1", "k2", "k3", "k4", "k5", "k6");
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_key_is_not_truncated()
    {
        var store = await TestStore.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await store.PutAsync($"k{i}", "x");
        }

        var first = await store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { PageSize = 2 });
        var second = await store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { PageSize = 2, ContinuationToken = first.NextContinuationToken });

        first.IsTruncated.Should().BeTrue();
        second.Objects.Select(o => o.Key).Should().Equal("k2", "k3");
        second.IsTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task Common_prefixes_count_toward_the_page_and_the_next_page_skips_the_rest_of_the_group()
    {
        var store = await TestStore.CreateAsync();
        foreach (var key in new[] { "a/1", "a/2", "a/3", "b/1", "c" })
        {
            await store.PutAsync(key, "x");
        }

        var options = new ListObjectsOptions { Delimiter = "/", PageSize = 1 };
        var first = await store.Client.ListObjectsPageAsync(TestStore.Bucket, options);
        options.ContinuationToken = first.NextContinuationToken;
        var second = await store.Client.ListObjectsPageAsync(TestStore.Bucket, options);
        options.ContinuationToken = second.NextContinuationToken;
        var third = await store.Client.ListObjectsPageAsync(TestStore.Bucket, options);

        first.CommonPrefixes.Should().Equal("a/");
        second.CommonPrefixes.Should().Equal("b/");
        third.Objects.Select(o => o.Key).Should().Equal("c");
        third.IsTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task The_enumeration_fetches_every_page_and_sees_writes_between_pages()
    {
        var store = await TestStore.CreateAsync();
        for (var i = 0; i < 25; i++)
        {
            await store.PutAsync($"k{i:D2}", "x");
        }

        var listed = new List<string>();
        await foreach (var item in store.Client.ListObjectsAsync(TestStore.Bucket, new ListObjectsOptions { PageSize = 10 }))
        {
            listed.Add(item.Key);
            if (item.Key == "k00")
            {
                await store.PutAsync("k99", "added while listing");
            }
        }

        listed.Should().HaveCount(26).And.BeInAscendingOrder(StringComparer.Ordinal).And.EndWith("k99");
    }

    [Fact]
    public async Task Deleting_while_listing_page_by_page_empties_the_bucket()
    {
        var store = await TestStore.CreateAsync();
        for (var i = 0; i < 12; i++)
        {
            await store.PutAsync($"k{i:D2}", "x");
        }

        await foreach (var item in store.Client.ListObjectsAsync(TestStore.Bucket, new ListObjectsOptions { PageSize = 5 }))
        {
            await store.Client.DeleteObjectAsync(TestStore.Bucket, item.Key);
        }

        (await store.KeysAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Keys_whose_latest_version_is_a_delete_marker_are_not_listed_nor_their_prefixes()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        await store.PutAsync("gone/1", "x");
        await store.PutAsync("kept", "x");
        await store.Client.DeleteObjectAsync(TestStore.Bucket, "gone/1");

        var page = await store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { Delimiter = "/" });

        page.Objects.Select(o => o.Key).Should().Equal("kept");
        page.CommonPrefixes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_continuation_token_the_store_did_not_issue_is_InvalidArgument_400()
    {
        var store = await TestStore.CreateAsync();

        var act = () => store.Client.ListObjectsPageAsync(TestStore.Bucket, new ListObjectsOptions { ContinuationToken = "not-a-token" });

        (await act.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("InvalidArgument");
    }

    [Fact]
    public async Task An_empty_prefix_and_delimiter_mean_none()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("a/b", "x");

        (await store.KeysAsync(new ListObjectsOptions { Prefix = string.Empty, Delimiter = string.Empty })).Should().Equal("a/b");
    }
}
