using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;
using S3Client.Signing.Internal;

namespace S3Client.Benchmarks.Micro;

/// <summary>
/// A presigned GET URL valid for one hour: the signer alone, and the public call of each client (validation, endpoint
/// and key encoding, signature, URL). Nothing is sent.
/// </summary>
[BenchmarkCategory("Presigned GET URL")]
public class PresignBenchmarks
{
    private const string Key = "photos/2026/03/IMG 004711 (copy).jpg";
    private static readonly DateTimeOffset Time = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private SigV4Signer _signer = null!;
    private S3Credentials _credentials = null!;
    private Uri _uri = null!;
    private S3ServiceClient _ours = null!;
    private AmazonS3Client _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = new Uri("http://127.0.0.1:9000");
        _signer = new SigV4Signer(BenchmarkCredentials.Region);
        _credentials = new S3Credentials(BenchmarkCredentials.AccessKeyId, BenchmarkCredentials.SecretAccessKey);
        _uri = new Uri("http://127.0.0.1:9000/bench/photos/2026/03/IMG%20004711%20%28copy%29.jpg");
        _ours = ClientFactory.CreateOurs(endpoint);
        _sdk = ClientFactory.CreateSdk(endpoint);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Ours (signer)")]
    public Uri OursSigner() => _signer.Presign("GET", _uri, _credentials, Time, TimeSpan.FromHours(1));

    [Benchmark(Description = "Ours (GetPresignedUrlAsync)")]
    public Task<Uri> Ours() => _ours.GetPresignedUrlAsync(BenchmarkEndpoint.Bucket, Key, HttpMethod.Get, TimeSpan.FromHours(1));

    [Benchmark(Description = "AWSSDK.S3 (GetPreSignedURL)")]
    public string Sdk() => _sdk.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = BenchmarkEndpoint.Bucket,
        Key = Key,
        Verb = HttpVerb.GET,
        Expires = DateTime.UtcNow.AddHours(1),
    });
}
