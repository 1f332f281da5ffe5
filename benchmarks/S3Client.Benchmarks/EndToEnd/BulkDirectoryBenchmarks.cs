using Amazon.S3;
using Amazon.S3.Transfer;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.EndToEnd;

/// <summary>
/// 10,000 objects of 4 KiB: a directory uploaded under a prefix and a prefix downloaded into an empty directory, by
/// our bulk operations (UploadDirectoryAsync, DownloadDirectoryAsync), AWSSDK.S3's TransferUtility
/// (UploadDirectory, DownloadDirectory) and <c>aws s3 cp --recursive</c>, each with its default concurrency (ours 16,
/// TransferUtility 10, the CLI 10). The CLI runs as a child process; its peak resident set is reported.
/// </summary>
public class BulkDirectoryBenchmarks
{
    public const string Upload = "Upload 10,000 x 4 KiB directory";
    public const string Download = "Download 10,000 x 4 KiB prefix";

    private readonly ProcessMetrics _metrics = new();
    private Uri _endpoint = null!;
    private S3ServiceClient _ours = null!;
    private AmazonS3Client _sdk = null!;
    private TransferUtility _sdkTransfer = null!;
    private string _work = null!;
    private string _source = null!;
    private string _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _endpoint = BenchmarkEndpoint.Get();
        _ours = ClientFactory.CreateOurs(_endpoint);
        _sdk = ClientFactory.CreateSdk(_endpoint);
        _sdkTransfer = new TransferUtility(_sdk);
        _work = Directory.CreateTempSubdirectory("s3bench-bulk-").FullName;
        _source = Path.Combine(_work, "source");
        _target = Path.Combine(_work, "target");
        BulkTree.CreateLocal(_source);
        if (BenchmarkEndpoint.IsExternal)
        {
            SeedServerAsync().GetAwaiter().GetResult();
        }

        _metrics.Start();
    }

    [IterationSetup]
    public void EmptyTarget()
    {
        if (Directory.Exists(_target))
        {
            Directory.Delete(_target, recursive: true);
        }

        Directory.CreateDirectory(_target);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _metrics.Report();
        _ours.Dispose();
        _sdkTransfer.Dispose();
        _sdk.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "aws s3 cp --recursive"), BenchmarkCategory(Upload)]
    public Task CliUpload() => _metrics.MeasureAsync(async () =>
        _metrics.RecordChildPeak(await AwsCli.RunS3Async(_endpoint, "cp", "--recursive", _source, $"s3://{BenchmarkEndpoint.Bucket}/{BulkTree.Prefix}")));

    [Benchmark(Description = "Ours (UploadDirectoryAsync)"), BenchmarkCategory(Upload)]
    public Task OursUpload() => _metrics.MeasureAsync(async () => Check(await _ours.UploadDirectoryAsync(_source, BenchmarkEndpoint.Bucket, BulkTree.Prefix)));

    [Benchmark(Description = "AWSSDK.S3 (TransferUtility.UploadDirectoryAsync)"), BenchmarkCategory(Upload)]
    public Task SdkUpload() => _metrics.MeasureAsync(() => _sdkTransfer.UploadDirectoryAsync(new TransferUtilityUploadDirectoryRequest
    {
        BucketName = BenchmarkEndpoint.Bucket,
        Directory = _source,
        KeyPrefix = BulkTree.Prefix,
        SearchOption = SearchOption.AllDirectories,
    }));

    [Benchmark(Baseline = true, Description = "aws s3 cp --recursive"), BenchmarkCategory(Download)]
    public Task CliDownload() => _metrics.MeasureAsync(async () =>
        _metrics.RecordChildPeak(await AwsCli.RunS3Async(_endpoint, "cp", "--recursive", $"s3://{BenchmarkEndpoint.Bucket}/{BulkTree.Prefix}", _target)));

    [Benchmark(Description = "Ours (DownloadDirectoryAsync)"), BenchmarkCategory(Download)]
    public Task OursDownload() => _metrics.MeasureAsync(async () => Check(await _ours.DownloadDirectoryAsync(BenchmarkEndpoint.Bucket, BulkTree.Prefix, _target)));

    [Benchmark(Description = "AWSSDK.S3 (TransferUtility.DownloadDirectoryAsync)"), BenchmarkCategory(Download)]
    public Task SdkDownload() => _metrics.MeasureAsync(() => _sdkTransfer.DownloadDirectoryAsync(new TransferUtilityDownloadDirectoryRequest
    {
        BucketName = BenchmarkEndpoint.Bucket,
        S3Directory = BulkTree.Prefix,
        LocalDirectory = _target,
    }));

    /// <summary>
    /// A real server serves only what it stores: the bucket is created and the tree uploaded once (each case runs in a
    /// process of its own, so later cases find it there), before the measured transfers.
    /// </summary>
    private async Task SeedServerAsync()
    {
        if (!await _ours.BucketExistsAsync(BenchmarkEndpoint.Bucket))
        {
            await _ours.CreateBucketAsync(BenchmarkEndpoint.Bucket);
        }

        var stored = 0;
        await foreach (var _ in _ours.ListObjectsAsync(BenchmarkEndpoint.Bucket, new ListObjectsOptions { Prefix = BulkTree.Prefix }))
        {
            stored++;
        }

        if (stored != BulkTree.Objects)
        {
            Check(await _ours.UploadDirectoryAsync(_source, BenchmarkEndpoint.Bucket, BulkTree.Prefix));
        }
    }

    private static void Check(BulkSummary summary)
    {
        if (summary.Succeeded != BulkTree.Objects)
        {
            throw new InvalidOperationException($"The bulk operation did not move every object: {summary}; first failure: {summary.Failures.FirstOrDefault()}");
        }
    }
}
