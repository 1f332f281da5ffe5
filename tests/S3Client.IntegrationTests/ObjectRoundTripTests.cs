using S3Client.Core.Tests.TestSupport;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

public class ObjectRoundTripTests
{
    public static TheoryData<string, long> ServersAndSizes()
    {
        var data = new TheoryData<string, long>();
        foreach (var row in S3TestServers.Names)
        {
            foreach (var size in new long[] { 0, 1, 64 * 1024, 5 * 1024 * 1024 + 1, 100L * 1024 * 1024 + 7 })
            {
                data.Add(row, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServersAndSizes))]
    public async Task Put_get_head_delete_round_trip_is_byte_identical(string server, long size)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var key = $"objects/size-{size}.bin";
        var (expectedHash, _) = await Hashing.Sha256Async(new PatternStream(size, (ulong)size));
        var options = new PutObjectOptions { ContentType = "application/x-test" };
        options.Metadata["origin"] = "round-trip";
        options.Metadata["Mixed-Case"] = "Value With Spaces";

        var putAt = TimeProvider.System.GetUtcNow();
        var put = await bucket.PutAsync(key, new PatternStream(size, (ulong)size), options);
        var head = await bucket.Client.HeadObjectAsync(bucket.Name, key);
        (string Sha256, long Length) downloaded;
        await using (var get = await bucket.Client.GetObjectAsync(bucket.Name, key))
        {
            get.ContentLength.Should().Be(size);
            get.ContentType.Should().Be("application/x-test");
            get.Metadata.Should().Contain("origin", "round-trip");
            downloaded = await Hashing.Sha256Async(get.Content);
        }

        await bucket.Client.DeleteObjectAsync(bucket.Name, key);
        var afterDelete = () => bucket.Client.HeadObjectAsync(bucket.Name, key);

        put.ETag.Should().NotBeNullOrEmpty();
        downloaded.Should().Be((expectedHash, size));
        head.ContentLength.Should().Be(size);
        head.ETag.Should().Be(put.ETag);
        head.ContentType.Should().Be("application/x-test");
        head.LastModified.Should().BeCloseTo(putAt, TimeSpan.FromMinutes(5), "the server stamps the object when it is written");
        head.Metadata.Should().Contain("origin", "round-trip").And.Contain("mixed-case", "Value With Spaces");
        await afterDelete.Should().ThrowAsync<S3NotFoundException>();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task A_byte_range_returns_exactly_those_bytes(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = new byte[1000];
        new PatternStream(1000).ReadExactly(data);
        await bucket.PutAsync("range.bin", new MemoryStream(data));

        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, "range.bin", new GetObjectOptions { Range = S3ByteRange.Between(100, 199) });
        using var sink = new MemoryStream();
        await get.Content.CopyToAsync(sink);

        sink.ToArray().Should().Equal(data[100..200]);
        get.ContentRange.Should().Be("bytes 100-199/1000");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithSuffixRange), MemberType = typeof(S3TestServers))]
    public async Task A_suffix_range_returns_the_last_bytes(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = new byte[1000];
        new PatternStream(1000).ReadExactly(data);
        await bucket.PutAsync("suffix.bin", new MemoryStream(data));

        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, "suffix.bin", new GetObjectOptions { Range = S3ByteRange.LastBytes(3) });
        using var sink = new MemoryStream();
        await get.Content.CopyToAsync(sink);

        sink.ToArray().Should().Equal(data[997..]);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task A_non_seekable_stream_of_known_length_uploads_unsigned(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = new byte[300_000];
        new PatternStream(data.Length, 3).ReadExactly(data);

        await bucket.PutAsync("forward-only.bin", new NonSeekableStream(data), new PutObjectOptions { ContentLength = data.Length });
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, "forward-only.bin");
        var (hash, length) = await Hashing.Sha256Async(get.Content);

        length.Should().Be(data.Length);
        hash.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)));
    }
}
