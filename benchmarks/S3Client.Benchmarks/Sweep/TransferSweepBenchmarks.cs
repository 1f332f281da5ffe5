using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Sweep;

/// <summary>
/// The sweep that chooses the <see cref="TransferOptions"/> defaults: our UploadAsync from a non-seekable stream and
/// DownloadAsync into <see cref="Stream.Null"/> of a large object (1 GiB in the full run) over part size x
/// concurrency. The raw single GET and PUT of the same size in the large-transfer tables are the baseline.
/// </summary>
public class TransferSweepBenchmarks
{
    private const string Key = "uploads/sweep.bin";

    private readonly ProcessMetrics _metrics = new();
    private S3ServiceClient _ours = null!;
    private TransferOptions _options = null!;
    private string _downloadKey = null!;
    private long _size;

    [ParamsSource(typeof(SuiteSettings), nameof(SuiteSettings.LargeSizes))]
    public int SizeMiB { get; set; }

    [ParamsSource(typeof(SuiteSettings), nameof(SuiteSettings.SweepPartSizes))]
    public int PartSizeMiB { get; set; }

    [ParamsSource(typeof(SuiteSettings), nameof(SuiteSettings.SweepConcurrencies))]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ours = ClientFactory.CreateOurs(BenchmarkEndpoint.Get());
        _size = (long)SizeMiB * SuiteSettings.MiB;
        _downloadKey = BenchmarkEndpoint.ObjectKey(_size);
        _options = new TransferOptions { PartSize = (long)PartSizeMiB * SuiteSettings.MiB, MaxConcurrency = Concurrency };
        _metrics.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _metrics.Report();
        _ours.Dispose();
    }

    [Benchmark(Description = "UploadAsync (non-seekable)")]
    public Task Upload() => _metrics.MeasureAsync(() => _ours.UploadAsync(BenchmarkEndpoint.Bucket, Key, new NonSeekableStream(_size), _options));

    [Benchmark(Description = "DownloadAsync (→ Stream.Null)")]
    public Task Download() => _metrics.MeasureAsync(() => _ours.DownloadAsync(BenchmarkEndpoint.Bucket, _downloadKey, Stream.Null, _options));
}
