using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using S3Client.Testing;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>The last-known-good cache behind two in-memory stores: written through, verified, evicted, never for SSE-C.</summary>
public sealed class LastKnownGoodCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly InMemoryS3Client _primary;
    private readonly InMemoryS3Client _replica;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "s3lkg-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(100_000);

    public LastKnownGoodCacheTests()
    {
        _primary = new InMemoryS3Client(_time);
        _replica = new InMemoryS3Client(_time);
        foreach (var store in new[] { _primary, _replica })
        {
            store.CreateBucketAsync("bucket").GetAwaiter().GetResult();
            store.PutObjectAsync("bucket", "report.pdf", new MemoryStream(_data)).GetAwaiter().GetResult();
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private S3FailoverClient Create(long maxBytes = 1 << 20, long maxObjectBytes = 200_000) => new(
        _primary,
        [new("replica", _replica)],
        new S3FallbackOptions { Cache = new S3FallbackCacheOptions { Directory = _directory, MaxBytes = maxBytes, MaxObjectBytes = maxObjectBytes } },
        timeProvider: _time);

    private static async Task<byte[]> ReadAllAsync(IS3Client client, string key, GetObjectOptions? options = null)
    {
        await using var result = await client.GetObjectAsync("bucket", key, options);
        using var sink = new MemoryStream();
        await result.Content.CopyToAsync(sink);
        return sink.ToArray();
    }

    private void AllDown()
    {
        _primary.Outage = InMemoryS3Outage.ServiceUnavailable;
        _replica.Outage = InMemoryS3Outage.Unreachable;
    }

    private string[] CacheFiles() => Directory.GetFiles(_directory);

    [Fact]
    public async Task When_every_endpoint_fails_the_cache_serves_identical_bytes_and_says_how_old_they_are()
    {
        using var client = Create();
        await ReadAllAsync(client, "report.pdf");
        var etag = (await _primary.HeadObjectAsync("bucket", "report.pdf")).ETag;
        AllDown();
        _time.Advance(TimeSpan.FromMinutes(3));

        await using var result = await client.GetObjectAsync("bucket", "report.pdf");
        using var sink = new MemoryStream();
        await result.Content.CopyToAsync(sink);

        sink.ToArray().Should().Equal(_data);
        result.Source.ToString().Should().Be("cache");
        result.Source.Kind.Should().Be(S3ReadSourceKind.Cache);
        result.Source.CachedETag.Should().Be(etag);
        result.Source.CacheAge.Should().Be(TimeSpan.FromMinutes(3));
        result.Source.ValidatedBy.Should().BeNull();
        result.ETag.Should().Be(etag);
        result.ContentLength.Should().Be(_data.Length);
        (await client.HeadObjectAsync("bucket", "report.pdf")).Source.Kind.Should().Be(S3ReadSourceKind.Cache);
    }

    [Fact]
    public async Task The_cache_survives_a_restart_and_names_files_by_hash_not_by_key()
    {
        using (var first = Create())
        {
            await ReadAllAsync(first, "report.pdf");
        }

        AllDown();
        using var second = Create();

        (await ReadAllAsync(second, "report.pdf")).Should().Equal(_data);
        CacheFiles().Should().ContainSingle().Which.Should().NotContain("report");
    }

    [Fact]
    public async Task A_cache_file_altered_on_disk_is_deleted_and_not_served()
    {
        using var client = Create();
        await ReadAllAsync(client, "report.pdf");
        var file = CacheFiles().Single();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);
        AllDown();

        var act = () => client.GetObjectAsync("bucket", "report.pdf");

        await act.Should().ThrowAsync<S3ServerException>("the primary's error, since nothing can serve the read");
        File.Exists(file).Should().BeFalse();
    }

    [Fact]
    public async Task An_unchanged_object_is_revalidated_with_If_None_Match_and_served_from_the_cache()
    {
        using var client = Create();
        await ReadAllAsync(client, "report.pdf");
        _time.Advance(TimeSpan.FromMinutes(10));

        await using var result = await client.GetObjectAsync("bucket", "report.pdf");
        using var sink = new MemoryStream();
        await result.Content.CopyToAsync(sink);

        sink.ToArray().Should().Equal(_data);
        result.Source.Kind.Should().Be(S3ReadSourceKind.Cache);
        result.Source.ValidatedBy.Should().Be("primary");
        result.Source.CacheAge.Should().Be(TimeSpan.Zero, "a 304 refreshes the copy's age");
    }

    [Fact]
    public async Task A_changed_object_replaces_the_cached_copy()
    {
        using var client = Create();
        await ReadAllAsync(client, "report.pdf");
        var newer = RandomNumberGenerator.GetBytes(1000);
        await _primary.PutObjectAsync("bucket", "report.pdf", new MemoryStream(newer));

        (await ReadAllAsync(client, "report.pdf")).Should().Equal(newer);
        AllDown();
        (await ReadAllAsync(client, "report.pdf")).Should().Equal(newer);
    }

    [Fact]
    public async Task A_read_that_stops_early_ranged_reads_and_objects_over_the_limit_leave_nothing_in_the_cache()
    {
        await _primary.PutObjectAsync("bucket", "large", new MemoryStream(new byte[300_000]));
        using var client = Create();

        await using (var partial = await client.GetObjectAsync("bucket", "report.pdf"))
        {
            await partial.Content.ReadExactlyAsync(new byte[10]);
        }

        await ReadAllAsync(client, "report.pdf", new GetObjectOptions { Range = S3ByteRange.Between(0, 99) });
        await ReadAllAsync(client, "large");

        CacheFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Objects_read_with_an_SSE_C_key_never_reach_the_cache_directory()
    {
        var key = new S3CustomerKey(RandomNumberGenerator.GetBytes(32));
        await _primary.PutObjectAsync("bucket", "secret", new MemoryStream(_data), new PutObjectOptions { CustomerKey = key });
        using var client = Create();

        (await ReadAllAsync(client, "secret", new GetObjectOptions { CustomerKey = key })).Should().Equal(_data);

        CacheFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task The_least_recently_used_objects_are_evicted_beyond_MaxBytes()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            await _primary.PutObjectAsync("bucket", name, new MemoryStream(RandomNumberGenerator.GetBytes(40_000)));
        }

        using var client = Create(maxBytes: 100_000, maxObjectBytes: 50_000);
        await ReadAllAsync(client, "a");
        _time.Advance(TimeSpan.FromSeconds(1));
        await ReadAllAsync(client, "b");
        _time.Advance(TimeSpan.FromSeconds(1));
        await ReadAllAsync(client, "a"); // revalidated: "a" is now the most recently used
        _time.Advance(TimeSpan.FromSeconds(1));
        await ReadAllAsync(client, "c");
        AllDown();

        (await ReadAllAsync(client, "a")).Should().HaveCount(40_000);
        (await ReadAllAsync(client, "c")).Should().HaveCount(40_000);
        var evicted = () => ReadAllAsync(client, "b");
        await evicted.Should().ThrowAsync<S3ServerException>();
        CacheFiles().Should().HaveCount(2);
    }

    [Fact]
    public async Task Concurrent_readers_and_writers_of_one_object_all_get_whole_verified_bytes()
    {
        using var client = Create();

        var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => ReadAllAsync(client, "report.pdf"))));
        AllDown();
        var cached = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => ReadAllAsync(client, "report.pdf"))));

        reads.Concat(cached).Should().AllSatisfy(r => r.Should().Equal(_data));
        CacheFiles().Should().ContainSingle("temporary files are moved into place or deleted");
    }

    [Fact]
    public async Task Two_caches_on_one_directory_as_two_processes_have_serve_only_whole_verified_copies()
    {
        // A second client with its own stores and its own cache instance on the same directory: nothing in memory is
        // shared, as between two processes, and each writes its own version of the object through at the same time.
        var other = RandomNumberGenerator.GetBytes(120_000);
        var otherPrimary = new InMemoryS3Client(_time);
        var otherReplica = new InMemoryS3Client(_time);
        foreach (var store in new[] { otherPrimary, otherReplica })
        {
            await store.CreateBucketAsync("bucket");
            await store.PutObjectAsync("bucket", "report.pdf", new MemoryStream(other));
        }

        using var first = Create();
        using var second = new S3FailoverClient(
            otherPrimary,
            [new("replica", otherReplica)],
            new S3FallbackOptions { Cache = new S3FallbackCacheOptions { Directory = _directory, MaxBytes = 1 << 20, MaxObjectBytes = 200_000 } },
            timeProvider: _time);

        var written = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => ReadAllAsync(i % 2 == 0 ? first : second, "report.pdf"))));
        AllDown();
        otherPrimary.Outage = InMemoryS3Outage.ServiceUnavailable;
        otherReplica.Outage = InMemoryS3Outage.Unreachable;
        var served = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => ReadAllAsync(i % 2 == 0 ? first : second, "report.pdf"))));

        written.Where((_, i) => i % 2 == 0).Should().AllSatisfy(r => r.Should().Equal(_data));
        written.Where((_, i) => i % 2 == 1).Should().AllSatisfy(r => r.Should().Equal(other));
        served.Should().AllSatisfy(r => (r.AsSpan().SequenceEqual(_data) || r.AsSpan().SequenceEqual(other)).Should().BeTrue(
            "a copy from either writer may be the last known good one, but never a mix of the two or a partial file"));
        CacheFiles().Should().ContainSingle("each writer's temporary file is moved into place or deleted");
    }

    [Fact]
    public async Task A_write_through_this_client_drops_the_cached_copy()
    {
        using var client = Create();
        await ReadAllAsync(client, "report.pdf");

        await client.PutObjectAsync("bucket", "report.pdf", new MemoryStream([1, 2, 3]));

        CacheFiles().Should().BeEmpty();
    }
}
