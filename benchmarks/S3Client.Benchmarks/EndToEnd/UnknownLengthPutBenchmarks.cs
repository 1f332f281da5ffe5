using Amazon.S3;
using Amazon.S3.Transfer;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.EndToEnd;

/// <summary>
/// Upload of 64 MiB from a stream of unknown length (no length, cannot seek). Our client and the raw baseline send a
/// multipart upload of 8 MiB parts, 4 at a time; the target is a peak working set within part size x concurrency +
/// 32 MiB of the process baseline.
/// </summary>
[BenchmarkCategory("PUT 64 MiB, unknown length")]
public class UnknownLengthPutBenchmarks
{
    private const string Key = "uploads/unknown-length.bin";
    private const long Size = (long)SuiteSettings.UnknownLengthSizeMiB * SuiteSettings.MiB;

    private readonly ProcessMetrics _metrics = new();
    private RawS3Client _raw = null!;
    private S3ServiceClient _ours = null!;
    private AmazonS3Client _sdk = null!;
    private TransferUtility _sdkTransfer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = BenchmarkEndpoint.Get();
        _raw = ClientFactory.CreateRaw(endpoint);
        _ours = ClientFactory.CreateOurs(endpoint);
        _sdk = ClientFactory.CreateSdk(endpoint);
        _sdkTransfer = new TransferUtility(_sdk);
        _metrics.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _metrics.Report();
        _raw.Dispose();
        _ours.Dispose();
        _sdkTransfer.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient (multipart 8 MiB x 4)")]
    public Task Raw() => _metrics.MeasureAsync(() => _raw.UploadMultipartAsync(Key, new NonSeekableStream(Size), 8 * SuiteSettings.MiB, 4));

    [Benchmark(Description = "Ours (UploadAsync, defaults)")]
    public Task Ours() => _metrics.MeasureAsync(() => _ours.UploadAsync(BenchmarkEndpoint.Bucket, Key, new NonSeekableStream(Size)));

    [Benchmark(Description = "AWSSDK.S3 (TransferUtility.UploadAsync)")]
    public Task Sdk() => _metrics.MeasureAsync(() => _sdkTransfer.UploadAsync(new NonSeekableStream(Size), BenchmarkEndpoint.Bucket, Key));
}
