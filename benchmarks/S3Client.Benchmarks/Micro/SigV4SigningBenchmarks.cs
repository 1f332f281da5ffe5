using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;
using S3Client.Signing.Internal;

namespace S3Client.Benchmarks.Micro;

/// <summary>
/// The cost of one SigV4 header signature of a typical GET (host, x-amz-date, x-amz-content-sha256 signed), with the
/// signing key cached as every signer does. Each signer writes its headers onto a request that is reused, so the
/// numbers are the signature alone, not the request's construction.
/// </summary>
[BenchmarkCategory("SigV4 header signature (GET)")]
public class SigV4SigningBenchmarks
{
    private const string Path = "/bench/photos/2026/03/IMG_004711.jpg";
    private static readonly DateTimeOffset Time = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private SigV4Signer _signer = null!;
    private S3Credentials _credentials = null!;
    private HttpRequestMessage _request = null!;
    private HandRolledSigner _handRolled = null!;
    private AWS4Signer _sdkSigner = null!;
    private AmazonS3Config _sdkConfig = null!;
    private DefaultRequest _sdkRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signer = new SigV4Signer(BenchmarkCredentials.Region);
        _credentials = new S3Credentials(BenchmarkCredentials.AccessKeyId, BenchmarkCredentials.SecretAccessKey);
        _request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9000" + Path);
        _handRolled = new HandRolledSigner(BenchmarkCredentials.AccessKeyId, BenchmarkCredentials.SecretAccessKey, BenchmarkCredentials.Region, Time);

        _sdkSigner = new AWS4Signer();
        _sdkConfig = new AmazonS3Config { ServiceURL = "http://127.0.0.1:9000", ForcePathStyle = true, AuthenticationRegion = BenchmarkCredentials.Region };
        _sdkRequest = new DefaultRequest(new GetObjectRequest { BucketName = "bench", Key = "photos/2026/03/IMG_004711.jpg" }, "S3")
        {
            HttpMethod = "GET",
            Endpoint = new Uri("http://127.0.0.1:9000"),
            ResourcePath = Path,
            AuthenticationRegion = BenchmarkCredentials.Region,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _request.Dispose();

    [Benchmark(Baseline = true, Description = "Hand-rolled")]
    public void HandRolled() => _handRolled.SignGet(_request, "127.0.0.1:9000", Time, SigV4Signer.EmptyPayloadHash);

    [Benchmark(Description = "Ours")]
    public void Ours() => _signer.Sign(_request, _credentials, Time, SigV4Signer.EmptyPayloadHash);

    [Benchmark(Description = "AWSSDK.S3")]
    public object Sdk() =>
        _sdkSigner.SignRequest(_sdkRequest, _sdkConfig, null, BenchmarkCredentials.AccessKeyId, BenchmarkCredentials.SecretAccessKey, Time.UtcDateTime);
}
