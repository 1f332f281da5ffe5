using System.Text;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_writers_all_land_and_readers_never_see_a_mixed_object()
    {
        var store = await TestStore.CreateAsync();
        var payloads = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 4096)).ToArray();
        await store.PutAsync("shared", payloads[0]);

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.PutAsync($"w{w}/k{i}", "x");
                await store.PutAsync("shared", payloads[w]);
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var seen = new List<string>();
            for (var i = 0; i < 100; i++)
            {
                seen.Add(await store.ReadAsync("shared"));
            }

            return seen;
        })).ToArray();
        await Task.WhenAll(writers);
        var reads = (await Task.WhenAll(readers)).SelectMany(r => r).ToList();

        (await store.KeysAsync()).Should().HaveCount(8 * 50 + 1);
        reads.Should().HaveCount(4 * 100).And.OnlyContain(text => payloads.Contains(text));
        Encoding.UTF8.GetByteCount(await store.ReadAsync("shared")).Should().Be(4096);
    }

    [Fact]
    public async Task Parallel_parts_of_one_upload_are_all_kept()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");

        await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(() =>
            store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, n, new MemoryStream(new byte[n])))));

        var parts = await store.Client.ListPartsAsync(TestStore.Bucket, "k", uploadId).ToListAsync();
        parts.Select(p => (p.PartNumber, p.Size)).Should().Equal(Enumerable.Range(1, 20).Select(n => (n, (long)n)));
    }
}
