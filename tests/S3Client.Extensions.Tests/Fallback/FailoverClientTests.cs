using System.Text;
using S3Client.Testing;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>Routing of reads and writes by the failover client, over two in-memory stores (a primary and a replica).</summary>
public class FailoverClientTests
{
    private readonly InMemoryS3Client _primary = new();
    private readonly InMemoryS3Client _replica = new();

    public FailoverClientTests()
    {
        foreach (var store in new[] { _primary, _replica })
        {
            store.CreateBucketAsync("bucket").GetAwaiter().GetResult();
            store.PutObjectAsync("bucket", "key", new MemoryStream(Encoding.UTF8.GetBytes("hello"))).GetAwaiter().GetResult();
        }
    }

    private S3FailoverClient Create(bool onNotFound = false) =>
        new(_primary, [new("replica", _replica)], new S3FallbackOptions { OnNotFound = onNotFound });

    [Fact]
    public async Task A_healthy_primary_serves_reads_and_says_so()
    {
        using var client = Create();
        _replica.Outage = InMemoryS3Outage.Unreachable;

        await using var result = await client.GetObjectAsync("bucket", "key");

        result.Source.Should().BeSameAs(S3ReadSource.Primary);
        result.Source.ToString().Should().Be("primary");
        (await new StreamReader(result.Content).ReadToEndAsync()).Should().Be("hello");
    }

    [Theory]
    [InlineData(InMemoryS3Outage.ServiceUnavailable)]
    [InlineData(InMemoryS3Outage.Unreachable)]
    public async Task Reads_fail_over_to_the_replica_when_the_primary_fails_transiently(InMemoryS3Outage outage)
    {
        using var client = Create();
        _primary.Outage = outage;

        await using var result = await client.GetObjectAsync("bucket", "key");
        var head = await client.HeadObjectAsync("bucket", "key");
        var keys = await client.ListObjectsAsync("bucket").Select(o => o.Key).ToListAsync();

        result.Source.ToString().Should().Be("replica");
        result.Source.Kind.Should().Be(S3ReadSourceKind.Fallback);
        result.Properties.Source.Should().BeSameAs(result.Source);
        (await new StreamReader(result.Content).ReadToEndAsync()).Should().Be("hello");
        head.Source.Name.Should().Be("replica");
        keys.Should().Equal("key");
    }

    [Fact]
    public async Task Writes_and_deletes_go_to_the_primary_only_and_fail_with_its_error()
    {
        using var client = Create();
        _primary.Outage = InMemoryS3Outage.ServiceUnavailable;

        var put = () => client.PutObjectAsync("bucket", "new", new MemoryStream([1, 2, 3]));
        var delete = () => client.DeleteObjectAsync("bucket", "key");

        (await put.Should().ThrowAsync<S3ServerException>()).Which.ErrorCode.Should().Be("ServiceUnavailable");
        await delete.Should().ThrowAsync<S3ServerException>();
        (await _replica.HeadObjectAsync("bucket", "key")).ContentLength.Should().Be(5, "the delete never reached the replica");
        var onReplica = () => _replica.HeadObjectAsync("bucket", "new");
        await onReplica.Should().ThrowAsync<S3NotFoundException>("the write never reached the replica");
    }

    [Fact]
    public async Task A_404_from_the_primary_is_the_answer_unless_OnNotFound_is_set()
    {
        await _replica.PutObjectAsync("bucket", "only-on-replica", new MemoryStream([7]));
        using var strict = Create();
        using var lenient = Create(onNotFound: true);

        var act = () => strict.GetObjectAsync("bucket", "only-on-replica");
        await act.Should().ThrowAsync<S3NotFoundException>();

        await using var result = await lenient.GetObjectAsync("bucket", "only-on-replica");
        result.Source.Name.Should().Be("replica");
    }

    [Fact]
    public async Task When_no_endpoint_can_serve_the_primary_exception_is_thrown_with_the_others_in_its_data()
    {
        using var client = Create();
        _primary.Outage = InMemoryS3Outage.ServiceUnavailable;
        _replica.Outage = InMemoryS3Outage.Unreachable;

        var act = () => client.GetObjectAsync("bucket", "key");

        var thrown = (await act.Should().ThrowAsync<S3ServerException>()).Which;
        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        thrown.Data["S3Client.Fallback.replica"].Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_non_transient_error_of_the_primary_is_not_failed_over()
    {
        using var client = Create();
        var act = () => client.GetObjectAsync("bucket", "key", new GetObjectOptions { IfMatch = "\"not-the-etag\"" });

        await act.Should().ThrowAsync<S3PreconditionFailedException>();
    }

    [Fact]
    public async Task A_part_pinned_to_an_entity_tag_is_never_taken_from_a_replica_holding_another_version()
    {
        await _replica.PutObjectAsync("bucket", "key", new MemoryStream(Encoding.UTF8.GetBytes("other")));
        var pinned = (await _primary.HeadObjectAsync("bucket", "key")).ETag;
        using var client = Create();
        _primary.Outage = InMemoryS3Outage.ServiceUnavailable;

        var act = () => client.GetObjectAsync("bucket", "key", new GetObjectOptions { IfMatch = pinned, Range = S3ByteRange.Between(0, 1) });

        var thrown = (await act.Should().ThrowAsync<S3ServerException>("nothing can serve the pinned version: the primary's error")).Which;
        thrown.Data["S3Client.Fallback.replica"].Should().BeOfType<S3PreconditionFailedException>();
    }

    [Fact]
    public async Task A_parallel_download_fails_over_part_by_part_with_every_part_of_one_version()
    {
        var data = new byte[(3 * TransferOptions.MinPartSize) + 17];
        new Random(5).NextBytes(data);
        await _primary.PutObjectAsync("bucket", "big", new MemoryStream(data));
        await _replica.PutObjectAsync("bucket", "big", new MemoryStream(data));
        using var client = Create();
        _primary.Outage = InMemoryS3Outage.Unreachable;
        using var sink = new MemoryStream();

        await client.DownloadAsync("bucket", "big", sink, new TransferOptions { PartSize = TransferOptions.MinPartSize, MaxConcurrency = 2 });

        sink.ToArray().Should().Equal(data);
    }

    [Fact]
    public async Task Presigned_urls_come_from_the_primary()
    {
        using var client = Create();
        var expected = await _primary.GetPresignedUrlAsync("bucket", "key", HttpMethod.Get, TimeSpan.FromMinutes(5));

        var url = await client.GetPresignedUrlAsync("bucket", "key", HttpMethod.Get, TimeSpan.FromMinutes(5));

        url.Should().Be(expected);
    }

    [Fact]
    public void Endpoint_names_must_be_unique_and_not_reserved()
    {
        var act = () => new S3FailoverClient(_primary, [new("cache", _replica)], new S3FallbackOptions());
        var twice = () => new S3FailoverClient(_primary, [new("a", _replica), new("A", _replica)], new S3FallbackOptions());

        act.Should().Throw<ArgumentException>().WithMessage("*'cache'*");
        twice.Should().Throw<ArgumentException>();
    }
}
