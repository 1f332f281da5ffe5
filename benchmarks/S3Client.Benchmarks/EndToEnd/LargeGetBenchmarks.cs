using Amazon.S3;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.EndToEnd;

/// <summary>
/// GET of a large object (1 GiB in the full run) into <see cref="Stream.Null"/>: one streamed GET for each client, and
/// our parallel ranged <c>DownloadAsync</c> with its default options. Each invocation is one transfer; CPU time and
/// peak working set come from <see cref="ProcessMetrics"/>.
/// </summary>
public class LargeGetBenchmarks
{
    private readonly ProcessMetrics _metrics = new();
    private RawS3Client _raw = null!;
    private S3ServiceClient _ours = null!;
    private AmazonS3Client _sdk = null!;
    private string _key = null!;
    private Uri _rawUri = null!;

    [ParamsSource(typeof(SuiteSettings), nameof(SuiteSettings.LargeSizes))]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = BenchmarkEndpoint.Get();
        _raw = ClientFactory.CreateRaw(endpoint);
        _ours = ClientFactory.CreateOurs(endpoint);
        _sdk = ClientFactory.CreateSdk(endpoint);
        _key = BenchmarkEndpoint.ObjectKey((long)SizeMiB * SuiteSettings.MiB);
        _rawUri = _raw.ObjectUri(_key);
        _metrics.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _metrics.Report();
        _raw.Dispose();
        _ours.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient (one GET)"), BenchmarkCategory("GET large → Stream.Null")]
    public Task Raw() => _metrics.MeasureAsync(() => _raw.GetAsync(_rawUri, Stream.Null));

    [Benchmark(Description = "Ours (GetObjectAsync)"), BenchmarkCategory("GET large → Stream.Null")]
    public Task Ours() => _metrics.MeasureAsync(async () =>
    {
        await using var result = await _ours.GetObjectAsync(BenchmarkEndpoint.Bucket, _key);
        await result.Content.CopyToAsync(Stream.Null);
    });

    [Benchmark(Description = "Ours (DownloadAsync, ranged, defaults)"), BenchmarkCategory("GET large → Stream.Null")]
    public Task OursDownload() => _metrics.MeasureAsync(() => _ours.DownloadAsync(BenchmarkEndpoint.Bucket, _key, Stream.Null));

    [Benchmark(Description = "AWSSDK.S3 (GetObjectAsync)"), BenchmarkCategory("GET large → Stream.Null")]
    public Task Sdk() => _metrics.MeasureAsync(async () =>
    {
        using var response = await _sdk.GetObjectAsync(BenchmarkEndpoint.Bucket, _key);
        await response.ResponseStream.CopyToAsync(Stream.Null);
    });
}
