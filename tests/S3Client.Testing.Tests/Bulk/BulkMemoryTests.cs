using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class BulkMemoryTests
{
    private const int Items = 1_000_000;

    [Fact]
    public async Task A_million_items_stream_through_in_flat_memory()
    {
        var store = await TestStore.CreateAsync();
        var body = new byte[16];

        // 1000 distinct keys, so the store itself stays small and only the operation's own memory could grow.
        var items = Enumerable.Range(0, Items)
            .Select(i => BulkUploadItem.FromStream($"k{i % 1000}", _ => ValueTask.FromResult<Stream>(new MemoryStream(body, writable: false)), body.Length))
            .ToAsyncEnumerable();
        var operation = store.Client.UploadManyAsync(TestStore.Bucket, items, new BulkOptions { MaxConcurrency = 16 });
        long count = 0;
        long atTenth = 0;
        long atEnd = 0;

        await foreach (var result in operation)
        {
            count++;
            if (count == Items / 10)
            {
                atTenth = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == Items)
            {
                atEnd = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        operation.Summary!.Succeeded.Should().Be(Items);
        (atEnd - atTenth).Should().BeLessThan(4 * 1024 * 1024, "memory after 100,000 items was {0:N0} bytes and after 1,000,000 {1:N0}", atTenth, atEnd);
    }
}
