using System.Net;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

public class ConditionalRequestTests
{
    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task If_none_match_with_the_current_etag_is_not_modified(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var put = await bucket.PutAsync("c.txt", new MemoryStream("v1"u8.ToArray()));

        var get = () => bucket.Client.GetObjectAsync(bucket.Name, "c.txt", new GetObjectOptions { IfNoneMatch = put.ETag });
        var head = () => bucket.Client.HeadObjectAsync(bucket.Name, "c.txt", new HeadObjectOptions { IfNoneMatch = put.ETag });
        await using var changed = await bucket.Client.GetObjectAsync(bucket.Name, "c.txt", new GetObjectOptions { IfNoneMatch = "\"other\"" });

        (await get.Should().ThrowAsync<S3NotModifiedException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotModified);
        await head.Should().ThrowAsync<S3NotModifiedException>();
        changed.ETag.Should().Be(put.ETag);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task If_modified_since_a_later_time_is_not_modified(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("c.txt", new MemoryStream("v1"u8.ToArray()));

        var act = () => bucket.Client.GetObjectAsync(bucket.Name, "c.txt", new GetObjectOptions { IfModifiedSince = DateTimeOffset.UtcNow.AddHours(1) });

        await act.Should().ThrowAsync<S3NotModifiedException>();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithIfMatch), MemberType = typeof(S3TestServers))]
    public async Task If_match_with_another_etag_and_if_unmodified_since_an_earlier_time_fail_the_precondition(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("c.txt", new MemoryStream("v1"u8.ToArray()));

        var ifMatch = () => bucket.Client.GetObjectAsync(bucket.Name, "c.txt", new GetObjectOptions { IfMatch = "\"00000000000000000000000000000000\"" });
        var unmodified = () => bucket.Client.HeadObjectAsync(bucket.Name, "c.txt", new HeadObjectOptions { IfUnmodifiedSince = DateTimeOffset.UtcNow.AddDays(-1) });

        (await ifMatch.Should().ThrowAsync<S3PreconditionFailedException>()).Which.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        await unmodified.Should().ThrowAsync<S3PreconditionFailedException>();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithConditionalPut), MemberType = typeof(S3TestServers))]
    public async Task Create_only_put_refuses_to_overwrite(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var createOnly = new PutObjectOptions { IfNoneMatchAny = true };
        await bucket.PutAsync("once.txt", new MemoryStream("first"u8.ToArray()), createOnly);

        var second = () => bucket.PutAsync("once.txt", new MemoryStream("second"u8.ToArray()), createOnly);

        await second.Should().ThrowAsync<S3PreconditionFailedException>();
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, "once.txt");
        (await new StreamReader(get.Content).ReadToEndAsync()).Should().Be("first");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task A_range_beyond_the_object_is_not_satisfiable(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("small.txt", new MemoryStream(new byte[10]));

        var act = () => bucket.Client.GetObjectAsync(bucket.Name, "small.txt", new GetObjectOptions { Range = S3ByteRange.StartingAt(100) });

        (await act.Should().ThrowAsync<S3RangeNotSatisfiableException>()).Which.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
    }
}
