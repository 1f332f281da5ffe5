using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class BulkDeleteAndCopyTests
{
    [Fact]
    public async Task Deletes_many_keys_in_batches_of_a_thousand_and_reports_each()
    {
        var store = await TestStore.CreateAsync();
        await store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(2500), BulkTestData.NoWait());
        var batches = 0;
        var client = InterceptingClient.Create(store.Client, (method, _) =>
        {
            if (method == "DeleteObjectsAsync")
            {
                Interlocked.Increment(ref batches);
            }

            return null;
        });

        var operation = client.DeleteManyAsync(TestStore.Bucket, Enumerable.Range(0, 2500).Select(i => new S3ObjectIdentifier($"k{i:D5}")).ToAsyncEnumerable());
        var results = await operation.ToListAsync();

        batches.Should().Be(3);
        results.Should().HaveCount(2500).And.OnlyContain(r => r.Status == BulkItemStatus.Succeeded && r.Action == BulkItemAction.Delete);
        operation.Summary!.Succeeded.Should().Be(2500);
        (await store.KeysAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_batch_reports_every_key_in_it()
    {
        var store = await TestStore.CreateAsync();
        var client = InterceptingClient.Create(store.Client, (method, _) => method == "DeleteObjectsAsync" ? throw BulkTestData.Denied("") : null);

        var summary = await client.DeleteManyAsync(TestStore.Bucket, Enumerable.Range(0, 1500).Select(i => new S3ObjectIdentifier($"k{i}")).ToAsyncEnumerable());

        summary.Failed.Should().Be(1500);
        summary.Failures.Should().OnlyContain(f => f.Exception is S3AccessDeniedException);
    }

    [Fact]
    public async Task Deletes_by_prefix_only_what_starts_with_it()
    {
        var store = await TestStore.CreateAsync();
        await store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(1200, "logs/"), BulkTestData.NoWait());
        await store.PutAsync("logsX", "keep");
        await store.PutAsync("data/1", "keep");

        var summary = await store.Client.DeleteByPrefixAsync(TestStore.Bucket, "logs/");

        summary.Succeeded.Should().Be(1200);
        (await store.KeysAsync()).Should().Equal("data/1", "logsX");
    }

    [Fact]
    public async Task Copies_a_listing_into_another_prefix_and_skips_unchanged_copies()
    {
        var store = await TestStore.CreateAsync();
        await store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(30, "src/"), BulkTestData.NoWait());
        IAsyncEnumerable<BulkCopyItem> Items() => store.Client.ListObjectsAsync(TestStore.Bucket, new ListObjectsOptions { Prefix = "src/" })
            .Select(o => new BulkCopyItem(TestStore.Bucket, o.Key, TestStore.Bucket, "dst/" + o.Key[4..]));

        var first = await store.Client.CopyManyAsync(Items());
        var second = await store.Client.CopyManyAsync(Items(), new BulkOptions { Overwrite = S3OverwritePolicy.IfChanged });

        first.Succeeded.Should().Be(30);
        second.Skipped.Should().Be(30);
        (await store.ReadAsync("dst/00007")).Should().Be("body 7");
    }

    [Fact]
    public async Task A_listing_that_fails_ends_the_operation_with_its_exception_after_the_items_in_flight()
    {
        var store = await TestStore.CreateAsync();

        var run = store.Client.DeleteByPrefixAsync("missing-bucket", "x").RunAsync();

        await run.Invoking(r => r).Should().ThrowAsync<S3NotFoundException>();
    }
}
