using System.Net;
using S3Client.Core.Tests.TestSupport;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>Uploads and downloads of large objects through the transfer manager, with faults injected in the HTTP pipeline.</summary>
public class TransferTests
{
    private const long MiB = 1024 * 1024;
    private static readonly TransferOptions Parallel = new() { PartSize = 8 * MiB, MaxConcurrency = 4, MultipartThreshold = 16 * MiB };

    [Theory]
    [MemberData(nameof(S3TestServers.WithMultipartListing), MemberType = typeof(S3TestServers))]
    public async Task A_256_MiB_stream_of_unknown_length_uploads_in_parts_and_downloads_in_parallel_identically(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        const long size = 256 * MiB + 12345;
        var (expected, _) = await Hashing.Sha256Async(new PatternStream(size, 256));
        var uploadProgress = new RecordingProgress();
        var downloadProgress = new RecordingProgress();

        var upload = await bucket.Client.UploadAsync(bucket.Name, bucket.Track("big/unknown-length.bin"), new UnknownLengthStream(new PatternStream(size, 256)), Parallel, uploadProgress);
        using var hasher = new HashingStream();
        var download = await bucket.Client.DownloadAsync(bucket.Name, "big/unknown-length.bin", hasher, Parallel, downloadProgress);

        upload.Size.Should().Be(size);
        upload.PartCount.Should().Be(33);
        download.Size.Should().Be(size);
        hasher.Result().Should().Be((expected, size));
        uploadProgress.Should().BeMonotonicWithOneFinal(size);
        downloadProgress.Should().BeMonotonicWithOneFinal(size);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithMultipartListing), MemberType = typeof(S3TestServers))]
    public async Task A_256_MiB_file_uploads_and_downloads_to_a_file_identically(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var folder = new TempFolder();
        const long size = 256 * MiB - 3;
        var source = folder.File("source.bin", size, seed: 9);
        var target = Path.Combine(folder.Path, "downloaded.bin");

        await bucket.Client.UploadFileAsync(bucket.Name, bucket.Track("big/file.bin"), source, Parallel);
        var result = await bucket.Client.DownloadFileAsync(bucket.Name, "big/file.bin", target, Parallel);

        result.Size.Should().Be(size);
        (await Hashing.Sha256Async(File.OpenRead(target))).Should().Be(await Hashing.Sha256Async(File.OpenRead(source)));
        File.Exists(target + ".s3partial").Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpMultipart), MemberType = typeof(S3TestServers))]
    public async Task A_cancelled_upload_leaves_no_multipart_upload_behind(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var cts = new CancellationTokenSource();
        var faults = new FaultInjector(request =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=3", StringComparison.Ordinal))
            {
                cts.Cancel();
            }

            return null;
        });
        using var client = bucket.Server.CreateClient(faults);

        var act = () => client.UploadAsync(bucket.Name, "cancelled.bin", new UnknownLengthStream(new PatternStream(80 * MiB)), Parallel, cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await bucket.Client.ListMultipartUploadsAsync(bucket.Name).ToListAsync()).Should().BeEmpty();
        (await bucket.Client.ListObjectsAsync(bucket.Name).ToListAsync()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpMultipart), MemberType = typeof(S3TestServers))]
    public async Task A_failed_part_upload_is_aborted_and_its_error_surfaces(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var faults = new FaultInjector(request => request.RequestUri!.Query.Contains("partNumber=2", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<Error><Code>AccessDenied</Code></Error>") }
            : null);
        using var client = bucket.Server.CreateClient(faults);

        var act = () => client.UploadAsync(bucket.Name, "denied.bin", new PatternStream(40 * MiB), Parallel);

        (await act.Should().ThrowAsync<S3AccessDeniedException>()).Which.Operation.Should().Be("UploadPart");
        (await bucket.Client.ListMultipartUploadsAsync(bucket.Name).ToListAsync()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpMultipart), MemberType = typeof(S3TestServers))]
    public async Task A_part_that_fails_once_is_retried_from_its_buffer(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var failed = 0;
        var faults = new FaultInjector(request =>
            request.RequestUri!.Query.Contains("partNumber=2", StringComparison.Ordinal) && Interlocked.Exchange(ref failed, 1) == 0
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<Error><Code>SlowDown</Code></Error>") }
                : null);
        using var client = bucket.Server.CreateClient(faults, o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        const long size = 40 * MiB;

        await client.UploadAsync(bucket.Name, bucket.Track("retried.bin"), new UnknownLengthStream(new PatternStream(size, 5)), Parallel);
        using var hasher = new HashingStream();
        await bucket.Client.DownloadAsync(bucket.Name, "retried.bin", hasher, Parallel);

        faults.Requests.Count(r => r.Contains("partNumber=2", StringComparison.Ordinal)).Should().Be(2);
        hasher.Result().Should().Be(await Hashing.Sha256Async(new PatternStream(size, 5)));
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpIfMatch), MemberType = typeof(S3TestServers))]
    public async Task An_object_overwritten_during_a_download_fails_the_download_instead_of_mixing_versions(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.Client.UploadAsync(bucket.Name, bucket.Track("moving.bin"), new PatternStream(40 * MiB, 1), Parallel);
        var overwritten = 0;
        var faults = new FaultInjector(request =>
        {
            if (request.Headers.Contains("If-Match") && Interlocked.Exchange(ref overwritten, 1) == 0)
            {
                bucket.Client.PutObjectAsync(bucket.Name, "moving.bin", new PatternStream(MiB, 2)).GetAwaiter().GetResult();
            }

            return null;
        });
        using var client = bucket.Server.CreateClient(faults);
        using var sink = new HashingStream();

        var act = () => client.DownloadAsync(bucket.Name, "moving.bin", sink, Parallel);

        (await act.Should().ThrowAsync<S3PreconditionFailedException>()).Which.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpMultipart), MemberType = typeof(S3TestServers))]
    public async Task A_truncated_download_part_is_fetched_again_and_the_file_is_complete(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var folder = new TempFolder();
        const long size = 30 * MiB;
        await bucket.Client.UploadAsync(bucket.Name, bucket.Track("truncate.bin"), new PatternStream(size, 3), Parallel);
        var truncated = 0;
        var faults = new FaultInjector(_ => null, response =>
            response.RequestMessage!.Headers.Contains("If-Match") && Interlocked.Exchange(ref truncated, 1) == 0 ? FaultInjector.Truncate(response, 1000) : response);
        using var client = bucket.Server.CreateClient(faults);
        var target = Path.Combine(folder.Path, "t.bin");

        await client.DownloadFileAsync(bucket.Name, "truncate.bin", target, Parallel);

        truncated.Should().Be(1);
        (await Hashing.Sha256Async(File.OpenRead(target))).Should().Be(await Hashing.Sha256Async(new PatternStream(size, 3)));
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpMultipart), MemberType = typeof(S3TestServers))]
    public async Task An_interrupted_file_upload_is_resumed_sending_only_the_missing_parts(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var folder = new TempFolder();
        const long size = 40 * MiB + 5;
        var source = folder.File("resume.bin", size, seed: 77);
        var options = new TransferOptions { PartSize = 8 * MiB, MaxConcurrency = 1, MultipartThreshold = 16 * MiB, AllowResume = true };
        var faults = new FaultInjector(request => request.RequestUri!.Query.Contains("partNumber=4", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<Error><Code>AccessDenied</Code></Error>") }
            : null);
        using var failing = bucket.Server.CreateClient(faults);
        var resumed = new FaultInjector(_ => null);
        using var client = bucket.Server.CreateClient(resumed);

        var first = () => failing.UploadFileAsync(bucket.Name, bucket.Track("resumed.bin"), source, options);
        await first.Should().ThrowAsync<S3AccessDeniedException>();
        (await bucket.Client.ListMultipartUploadsAsync(bucket.Name).ToListAsync()).Should().ContainSingle("a resumable upload is kept");
        var result = await client.UploadFileAsync(bucket.Name, "resumed.bin", source, options);

        result.Size.Should().Be(size);
        resumed.Requests.Where(r => r.Contains("partNumber=", StringComparison.Ordinal)).Should().HaveCount(3, "parts 1-3 were already uploaded");
        using var hasher = new HashingStream();
        await bucket.Client.DownloadAsync(bucket.Name, "resumed.bin", hasher, Parallel);
        hasher.Result().Should().Be(await Hashing.Sha256Async(File.OpenRead(source)));
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttpMultipart), MemberType = typeof(S3TestServers))]
    public async Task An_interrupted_file_download_resumes_from_its_verified_parts(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var folder = new TempFolder();
        const long size = 40 * MiB;
        await bucket.Client.UploadAsync(bucket.Name, bucket.Track("resume-down.bin"), new PatternStream(size, 8), Parallel);
        var options = new TransferOptions { PartSize = 8 * MiB, MaxConcurrency = 1, AllowResume = true, MaxPartAttempts = 1 };
        var target = Path.Combine(folder.Path, "resume-down.bin");
        var faults = new FaultInjector(request => request.Headers.Range?.ToString().StartsWith("bytes=25165824-", StringComparison.Ordinal) == true
            ? throw new HttpRequestException("connection reset (injected)")
            : null);
        using var failing = bucket.Server.CreateClient(faults, o => o.Retry.MaxRetryAttempts = 0);
        var counting = new FaultInjector(_ => null);
        using var client = bucket.Server.CreateClient(counting);

        var first = () => failing.DownloadFileAsync(bucket.Name, "resume-down.bin", target, options);
        await first.Should().ThrowAsync<HttpRequestException>();
        File.Exists(target).Should().BeFalse("an incomplete download is never moved into place");
        File.Exists(target + ".s3partial").Should().BeTrue();
        await client.DownloadFileAsync(bucket.Name, "resume-down.bin", target, options);

        counting.Requests.Should().HaveCount(3, "the first request, then only parts 4 and 5 of 5");
        (await Hashing.Sha256Async(File.OpenRead(target))).Should().Be(await Hashing.Sha256Async(new PatternStream(size, 8)));
        File.Exists(target + ".s3partial").Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttp), MemberType = typeof(S3TestServers))]
    public async Task Small_and_empty_streams_use_a_single_request(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var counting = new FaultInjector(_ => null);
        using var client = bucket.Server.CreateClient(counting);

        var small = await client.UploadAsync(bucket.Name, bucket.Track("small.bin"), new UnknownLengthStream(new PatternStream(1000)));
        var empty = await client.UploadAsync(bucket.Name, bucket.Track("empty.bin"), new MemoryStream());
        using var sink = new MemoryStream();
        var download = await client.DownloadAsync(bucket.Name, "small.bin", sink);

        small.PartCount.Should().Be(1);
        empty.Size.Should().Be(0);
        download.Size.Should().Be(1000);
        sink.ToArray().Should().Equal(ReadAll(new PatternStream(1000)));
        counting.Requests.Where(r => r.StartsWith("PUT", StringComparison.Ordinal)).Should().HaveCount(2);
        counting.Requests.Where(r => r.StartsWith("GET", StringComparison.Ordinal)).Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithEmptyObjectRange), MemberType = typeof(S3TestServers))]
    public async Task An_empty_object_downloads_as_an_empty_file(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var folder = new TempFolder();
        await bucket.PutAsync("empty.bin", new MemoryStream());
        var target = Path.Combine(folder.Path, "empty.bin");
        File.WriteAllText(target, "old content is replaced");

        var download = await bucket.Client.DownloadFileAsync(bucket.Name, "empty.bin", target);

        download.Size.Should().Be(0);
        new FileInfo(target).Length.Should().Be(0);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
