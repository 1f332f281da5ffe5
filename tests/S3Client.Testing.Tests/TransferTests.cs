using S3Client.Core.Tests.TestSupport;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public sealed class TransferTests : IDisposable
{
    private const int MiB = 1024 * 1024;

    private static readonly TransferOptions SmallParts = new() { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, MaxConcurrency = 2 };

    private readonly string _folder = Directory.CreateTempSubdirectory("s3-in-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_small_stream_is_uploaded_in_one_put_and_downloaded_back()
    {
        var store = await TestStore.CreateAsync();
        var data = TestStore.Bytes(1000);

        var upload = await store.Client.UploadAsync(TestStore.Bucket, "small", new MemoryStream(data));
        using var target = new MemoryStream();
        var download = await store.Client.DownloadAsync(TestStore.Bucket, "small", target);

        upload.PartCount.Should().Be(1);
        upload.ETag.Should().Be(TestStore.Md5ETag(data));
        download.Size.Should().Be(1000);
        target.ToArray().Should().Equal(data);
    }

    [Fact]
    public async Task A_large_stream_goes_in_parts_and_leaves_no_upload_behind()
    {
        var store = await TestStore.CreateAsync();
        var data = TestStore.Bytes(12 * MiB);
        var progress = new List<TransferProgress>();

        var upload = await store.Client.UploadAsync(TestStore.Bucket, "large", new MemoryStream(data), SmallParts, new SynchronousProgress(progress));

        upload.PartCount.Should().Be(3);
        upload.ETag.Should().EndWith("-3\"");
        progress.Should().NotBeEmpty();
        progress[^1].BytesTransferred.Should().Be(data.Length);
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
        (await store.Client.HeadObjectAsync(TestStore.Bucket, "large")).ContentLength.Should().Be(data.Length);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_is_uploaded_and_a_large_object_downloaded_in_ranged_parts()
    {
        var store = await TestStore.CreateAsync();
        var data = TestStore.Bytes(11 * MiB + 7);

        await store.Client.UploadAsync(TestStore.Bucket, "unknown", new NonSeekableStream(data), SmallParts);
        using var target = new MemoryStream();
        var download = await store.Client.DownloadAsync(TestStore.Bucket, "unknown", target, SmallParts);

        download.PartCount.Should().Be(3);
        target.ToArray().Should().Equal(data);
    }

    [Fact]
    public async Task An_empty_object_downloads_as_empty()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("empty", string.Empty);

        using var target = new MemoryStream();
        var download = await store.Client.DownloadAsync(TestStore.Bucket, "empty", target);

        download.Size.Should().Be(0);
        target.Length.Should().Be(0);
    }

    [Fact]
    public async Task Files_round_trip_through_upload_and_download()
    {
        var store = await TestStore.CreateAsync();
        var data = TestStore.Bytes(7 * MiB);
        var source = Path.Combine(_folder, "source.bin");
        var target = Path.Combine(_folder, "target.bin");
        await File.WriteAllBytesAsync(source, data);

        await store.Client.UploadFileAsync(TestStore.Bucket, "file.bin", source, SmallParts);
        await store.Client.DownloadFileAsync(TestStore.Bucket, "file.bin", target, SmallParts);

        (await File.ReadAllBytesAsync(target)).Should().Equal(data);
        File.Exists(target + ".s3partial").Should().BeFalse();
    }

    [Fact]
    public async Task Downloading_a_missing_key_is_NoSuchKey()
    {
        var store = await TestStore.CreateAsync();

        var act = () => store.Client.DownloadAsync(TestStore.Bucket, "missing", new MemoryStream());

        (await act.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchKey");
    }

    /// <summary>Records progress on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class SynchronousProgress(List<TransferProgress> reports) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
