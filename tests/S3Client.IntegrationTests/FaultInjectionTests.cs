using System.Net;
using Microsoft.Extensions.Time.Testing;
using S3Client.FaultInjection;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>
/// A TCP proxy in front of the real server injects faults on the wire. Each operation either succeeds with identical
/// data (the server checks the signed SHA-256 of every body; the test compares what it reads back) or fails with the
/// documented exception, and leaves no multipart upload behind.
/// </summary>
public sealed class FaultInjectionTests
{
    private const long MiB = 1024 * 1024;

    public static TheoryData<string> Servers => S3TestServers.With(S3Feature.MultipartAbortAndListing | S3Feature.PayloadHashVerification);

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_put_answered_503_SlowDown_is_retried_with_the_same_body_freshly_signed(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Match = r => r.Method == "PUT" });
        using var client = Through(proxy, bucket.Server);
        var data = Data(3 * MiB, 1);

        await client.PutObjectAsync(bucket.Name, bucket.Track("retried.bin"), new MemoryStream(data));

        var puts = proxy.Requests.Where(r => r.Head.Method == "PUT").ToList();
        puts.Should().HaveCount(2);
        puts.Select(r => r.BodySha256).Distinct().Should().ContainSingle().Which.Should().Be(Sha256(data));
        puts[1].Head.GetHeader("x-amz-date").Should().NotBe(puts[0].Head.GetHeader("x-amz-date"), "the retry waits at least a second and is signed anew");
        puts[1].Head.GetHeader("Authorization").Should().NotBe(puts[0].Head.GetHeader("Authorization"));
        (await ReadBack(bucket, "retried.bin")).Should().Be(Sha256(data));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_get_answered_500_twice_succeeds_on_the_third_attempt(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = Data(100_000, 2);
        await bucket.PutAsync("get.bin", new MemoryStream(data));
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        var fault = proxy.Add(new FaultRule(FaultAction.S3Error(500, "InternalError")) { Match = r => r.Method == "GET", Times = 2 });
        using var client = Through(proxy, bucket.Server);

        await using var get = await client.GetObjectAsync(bucket.Name, "get.bin");
        var (hash, _) = await Hashing.Sha256Async(get.Content);

        fault.FiredCount.Should().Be(2);
        hash.Should().Be(Sha256(data));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_connection_reset_before_the_answer_is_retried(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        proxy.Add(new FaultRule(FaultAction.ResetBeforeResponse(forwardRequest: false)) { Match = r => r.Method == "PUT" });
        using var client = Through(proxy, bucket.Server);
        var data = Data(MiB, 3);

        await client.PutObjectAsync(bucket.Name, bucket.Track("reset.bin"), new MemoryStream(data));

        (await ReadBack(bucket, "reset.bin")).Should().Be(Sha256(data));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_connection_reset_in_the_middle_of_an_upload_is_retried_with_the_whole_body(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        proxy.Add(new FaultRule(FaultAction.ResetAfterRequestBytes(256 * 1024)) { Match = r => r.Method == "PUT" });
        using var client = Through(proxy, bucket.Server);
        var data = Data(4 * MiB, 4);

        await client.PutObjectAsync(bucket.Name, bucket.Track("mid-upload.bin"), new MemoryStream(data));

        proxy.Requests.Where(r => r.Head.Method == "PUT" && r.BodyComplete).Should().ContainSingle().Which.BodySha256.Should().Be(Sha256(data));
        (await ReadBack(bucket, "mid-upload.bin")).Should().Be(Sha256(data));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_reset_in_the_middle_of_a_download_fails_the_stream_read_and_the_transfer_manager_fetches_the_part_again(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = Data(20 * MiB, 5);
        await bucket.PutAsync("mid-download.bin", new MemoryStream(data));
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        proxy.Add(new FaultRule(FaultAction.ResetAfterResponseBytes(300_000)) { Match = r => r.Method == "GET", Times = 2 });
        using var client = Through(proxy, bucket.Server);

        var plain = async () =>
        {
            await using var get = await client.GetObjectAsync(bucket.Name, "mid-download.bin");
            await get.Content.CopyToAsync(Stream.Null);
        };
        await plain.Should().ThrowAsync<Exception>().Where(e => e is IOException || e is HttpRequestException, "a broken body is never reported as a complete one");
        using var sink = new HashingStream();
        await client.DownloadAsync(bucket.Name, "mid-download.bin", sink, new TransferOptions { PartSize = 8 * MiB, MaxConcurrency = 2 });

        sink.Result().Should().Be((Sha256(data), data.Length));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_truncated_body_is_an_error_to_a_reader_and_is_fetched_again_by_the_transfer_manager(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = Data(2 * MiB, 6);
        await bucket.PutAsync("truncated.bin", new MemoryStream(data));
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        proxy.Add(new FaultRule(FaultAction.TruncateResponseAfter(1000)) { Match = r => r.Method == "GET", Times = 2 });
        using var client = Through(proxy, bucket.Server);

        var plain = async () =>
        {
            await using var get = await client.GetObjectAsync(bucket.Name, "truncated.bin");
            await get.Content.CopyToAsync(Stream.Null);
        };
        await plain.Should().ThrowAsync<IOException>();
        using var sink = new HashingStream();
        await client.DownloadAsync(bucket.Name, "truncated.bin", sink);

        sink.Result().Should().Be((Sha256(data), data.Length));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_stalled_body_fails_after_the_idle_timeout(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("stall.bin", new MemoryStream(Data(MiB, 7)));
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        var release = new TaskCompletionSource();
        proxy.Add(new FaultRule(FaultAction.StallResponse(64 * 1024, release.Task)) { Match = r => r.Method == "GET" });
        // Signing needs a real date; the idle timer runs on the fake clock.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = ProxiedClient.Create(proxy, bucket.Server, timeProvider: time);

        await using var get = await client.GetObjectAsync(bucket.Name, "stall.bin");
        var read = get.Content.CopyToAsync(Stream.Null);
        for (var i = 0; i < 1000 && !read.IsCompleted; i++)
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await read.Invoking(t => t).Should().ThrowAsync<TimeoutException>().WithMessage("*ReadIdleTimeout*");
        release.SetResult();
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_complete_multipart_upload_that_fails_after_200_is_retried_and_no_upload_is_left(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        var fault = proxy.Add(new FaultRule(FaultAction.S3Error(200, "InternalError")) { Match = r => r.Method == "POST" && r.HasQueryParameter("uploadId") });
        using var client = Through(proxy, bucket.Server);
        var data = Data(12 * MiB, 8);

        await client.UploadAsync(bucket.Name, bucket.Track("completed.bin"), new MemoryStream(data),
            new TransferOptions { PartSize = 5 * MiB, MultipartThreshold = 5 * MiB });

        fault.FiredCount.Should().Be(1);
        (await bucket.Client.ListMultipartUploadsAsync(bucket.Name).ToListAsync()).Should().BeEmpty();
        (await ReadBack(bucket, "completed.bin")).Should().Be(Sha256(data));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_part_upload_that_keeps_failing_aborts_the_upload_and_reports_the_server_error(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await using var proxy = FaultProxy.Start(bucket.Server.Url);
        proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Match = r => r.Method == "PUT" && r.HasQueryParameter("partNumber") && r.Query.Contains("partNumber=2", StringComparison.Ordinal), Times = FaultRule.Unlimited });
        using var client = Through(proxy, bucket.Server, o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.MinThrottleDelay = TimeSpan.FromMilliseconds(10);
        });

        var act = () => client.UploadAsync(bucket.Name, "never.bin", new MemoryStream(Data(12 * MiB, 9)),
            new TransferOptions { PartSize = 5 * MiB, MultipartThreshold = 5 * MiB });

        (await act.Should().ThrowAsync<S3ServerException>()).Which.ErrorCode.Should().Be("SlowDown");
        (await bucket.Client.ListMultipartUploadsAsync(bucket.Name).ToListAsync()).Should().BeEmpty();
        (await bucket.Client.ListObjectsAsync(bucket.Name).ToListAsync()).Should().BeEmpty();
    }

    private static S3ServiceClient Through(FaultProxy proxy, S3TestServer server, Action<S3ClientOptions>? configure = null) =>
        ProxiedClient.Create(proxy, server, configure);

    private static async Task<string> ReadBack(TestBucket bucket, string key)
    {
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, key);
        return (await Hashing.Sha256Async(get.Content)).Sha256;
    }

    private static byte[] Data(long size, ulong seed)
    {
        var data = new byte[size];
        new PatternStream(size, seed).ReadExactly(data);
        return data;
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
}
