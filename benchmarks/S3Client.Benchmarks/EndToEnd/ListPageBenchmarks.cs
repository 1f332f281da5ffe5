using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.EndToEnd;

/// <summary>
/// One ListObjectsV2 page of 1000 keys (about 300 KB) through each client. The raw baseline sends the same request and
/// reads the bytes without parsing them: the transport cost a parser adds to.
/// </summary>
[BenchmarkCategory("LIST 1000-key page")]
public class ListPageBenchmarks
{
    private RawS3Client _raw = null!;
    private S3ServiceClient _ours = null!;
    private AmazonS3Client _sdk = null!;
    private Uri _rawList = null!;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = BenchmarkEndpoint.Get();
        _raw = ClientFactory.CreateRaw(endpoint);
        _ours = ClientFactory.CreateOurs(endpoint);
        _sdk = ClientFactory.CreateSdk(endpoint);
        _rawList = new Uri(endpoint, $"/{BenchmarkEndpoint.Bucket}?list-type=2&encoding-type=url");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _ours.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient (bytes, no parsing)")]
    public Task<int> Raw() => _raw.ListBytesAsync(_rawList);

    [Benchmark(Description = "Ours")]
    public async Task<int> Ours() => (await _ours.ListObjectsPageAsync(BenchmarkEndpoint.Bucket)).Objects.Count;

    [Benchmark(Description = "AWSSDK.S3")]
    public async Task<int> Sdk() => (await _sdk.ListObjectsV2Async(new ListObjectsV2Request { BucketName = BenchmarkEndpoint.Bucket })).S3Objects.Count;
}
