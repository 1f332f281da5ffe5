using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using S3Client.Benchmarks.EndToEnd;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The 1 KiB PUT, GET and HEAD of each client, as <see cref="SmallObjectBenchmarks"/> measures them and the profiling
/// loop runs them: GET bodies are copied to <see cref="Stream.Null"/> and every response is disposed.
/// </summary>
public sealed class SmallOperations
{
    public const int Size = 1024;
    private const string UploadKey = "uploads/small.bin";

    private readonly byte[] _payload = RandomNumberGenerator.GetBytes(Size);
    private readonly string _payloadHash;
    private readonly string _key = BenchmarkEndpoint.ObjectKey(Size);
    private readonly RawS3Client _raw;
    private readonly S3ServiceClient _ours;
    private readonly AmazonS3Client _sdk;
    private readonly Uri _rawPut;
    private readonly Uri _rawGet;

    public SmallOperations(RawS3Client raw, S3ServiceClient ours, AmazonS3Client sdk)
    {
        _raw = raw;
        _ours = ours;
        _sdk = sdk;
        _payloadHash = Convert.ToHexStringLower(SHA256.HashData(_payload));
        _rawPut = raw.ObjectUri(UploadKey);
        _rawGet = raw.ObjectUri(_key);
    }

    /// <param name="operation"><c>put</c>, <c>get</c> or <c>head</c>.</param>
    /// <param name="client"><c>raw</c>, <c>ours</c> or <c>sdk</c>.</param>
    public Func<Task> For(string operation, string client) => (operation, client) switch
    {
        ("put", "raw") => () => _raw.PutAsync(_rawPut, _payload, _payloadHash),
        ("put", "ours") => () => _ours.PutObjectAsync(BenchmarkEndpoint.Bucket, UploadKey, new MemoryStream(_payload, writable: false)),
        ("put", "sdk") => () => _sdk.PutObjectAsync(new PutObjectRequest
        {
            BucketName = BenchmarkEndpoint.Bucket,
            Key = UploadKey,
            InputStream = new MemoryStream(_payload, writable: false),
        }),
        ("get", "raw") => () => _raw.GetAsync(_rawGet, Stream.Null),
        ("get", "ours") => async () =>
        {
            await using var result = await _ours.GetObjectAsync(BenchmarkEndpoint.Bucket, _key);
            await result.Content.CopyToAsync(Stream.Null);
        },
        ("get", "sdk") => async () =>
        {
            using var response = await _sdk.GetObjectAsync(BenchmarkEndpoint.Bucket, _key);
            await response.ResponseStream.CopyToAsync(Stream.Null);
        },
        ("head", "raw") => () => _raw.HeadAsync(_rawGet),
        ("head", "ours") => () => _ours.HeadObjectAsync(BenchmarkEndpoint.Bucket, _key),
        ("head", "sdk") => () => _sdk.GetObjectMetadataAsync(BenchmarkEndpoint.Bucket, _key),
        _ => throw new ArgumentException($"Unknown operation or client: {operation} {client} (put|get|head, raw|ours|sdk)."),
    };
}
