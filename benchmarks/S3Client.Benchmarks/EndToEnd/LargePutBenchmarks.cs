using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.EndToEnd;

/// <summary>
/// PUT of a large object (1 GiB in the full run) read from a non-seekable stream. "Single PUT" streams it in one
/// request with its length given; "multipart" sends it in parts (create, parts in parallel, complete) as an upload of a
/// stream of unknown length must. The raw multipart baseline sends the same requests with the same part size (8 MiB)
/// and concurrency (4) as our defaults.
/// </summary>
public class LargePutBenchmarks
{
    private const string Single = "PUT large, non-seekable, single PUT";
    private const string Multipart = "PUT large, non-seekable, multipart";
    private const string Key = "uploads/large.bin";

    private readonly ProcessMetrics _metrics = new();
    private RawS3Client _raw = null!;
    private S3ServiceClient _ours = null!;
    private S3ServiceClient _oursUnsigned = null!;
    private AmazonS3Client _sdk = null!;
    private TransferUtility _sdkTransfer = null!;
    private Uri _rawUri = null!;
    private long _size;

    [ParamsSource(typeof(SuiteSettings), nameof(SuiteSettings.LargeSizes))]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = BenchmarkEndpoint.Get();
        _raw = ClientFactory.CreateRaw(endpoint);
        _ours = ClientFactory.CreateOurs(endpoint);
        _oursUnsigned = ClientFactory.CreateOurs(endpoint, o => o.PayloadSigning = S3PayloadSigning.UnsignedPayload);
        _sdk = ClientFactory.CreateSdk(endpoint);
        _sdkTransfer = new TransferUtility(_sdk);
        _rawUri = _raw.ObjectUri(Key);
        _size = (long)SizeMiB * SuiteSettings.MiB;
        _metrics.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _metrics.Report();
        _raw.Dispose();
        _ours.Dispose();
        _oursUnsigned.Dispose();
        _sdkTransfer.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient (one PUT)"), BenchmarkCategory(Single)]
    public Task RawPut() => _metrics.MeasureAsync(() => _raw.PutStreamAsync(_rawUri, new NonSeekableStream(_size), _size));

    [Benchmark(Description = "Ours (PutObjectAsync, ContentLength)"), BenchmarkCategory(Single)]
    public Task OursPut() => _metrics.MeasureAsync(() =>
        _ours.PutObjectAsync(BenchmarkEndpoint.Bucket, Key, new NonSeekableStream(_size), new PutObjectOptions { ContentLength = _size }));

    [Benchmark(Description = "AWSSDK.S3 (PutObjectAsync, Content-Length header)"), BenchmarkCategory(Single)]
    public Task SdkPut() => _metrics.MeasureAsync(() =>
    {
        var request = new PutObjectRequest { BucketName = BenchmarkEndpoint.Bucket, Key = Key, InputStream = new NonSeekableStream(_size) };
        request.Headers.ContentLength = _size;
        return _sdk.PutObjectAsync(request);
    });

    [Benchmark(Baseline = true, Description = "Raw HttpClient (multipart 8 MiB x 4)"), BenchmarkCategory(Multipart)]
    public Task RawUpload() => _metrics.MeasureAsync(() => _raw.UploadMultipartAsync(Key, new NonSeekableStream(_size), 8 * SuiteSettings.MiB, 4));

    [Benchmark(Description = "Ours (UploadAsync, defaults)"), BenchmarkCategory(Multipart)]
    public Task OursUpload() => _metrics.MeasureAsync(() => _ours.UploadAsync(BenchmarkEndpoint.Bucket, Key, new NonSeekableStream(_size)));

    [Benchmark(Description = "Ours (UploadAsync, UnsignedPayload)"), BenchmarkCategory(Multipart)]
    public Task OursUploadUnsigned() => _metrics.MeasureAsync(() => _oursUnsigned.UploadAsync(BenchmarkEndpoint.Bucket, Key, new NonSeekableStream(_size)));

    [Benchmark(Description = "AWSSDK.S3 (TransferUtility.UploadAsync)"), BenchmarkCategory(Multipart)]
    public Task SdkUpload() => _metrics.MeasureAsync(() => _sdkTransfer.UploadAsync(new NonSeekableStream(_size), BenchmarkEndpoint.Bucket, Key));
}
