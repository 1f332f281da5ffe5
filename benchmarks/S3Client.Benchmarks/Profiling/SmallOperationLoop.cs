using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Amazon.S3.Model;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Profiling;

/// <summary>
/// A steady loop of one small operation (1 KiB PUT, GET or HEAD) for a profiler to attach to: it warms up for 3 s, then
/// runs for the given time at the given concurrency and prints the operations per second, the process's CPU time and
/// the bytes allocated per operation. Not a benchmark (BenchmarkDotNet's numbers are in docs/benchmarks.md): it is
/// what <c>perf record -p</c> or <c>dotnet-trace</c> watches when the question is where the time goes.
/// </summary>
public static class SmallOperationLoop
{
    private const string UploadKey = "uploads/small.bin";

    /// <param name="endpoint">The loopback endpoint.</param>
    /// <param name="operation"><c>put</c>, <c>get</c> or <c>head</c>.</param>
    /// <param name="client"><c>ours</c>, <c>raw</c> or <c>sdk</c> (AWSSDK.S3).</param>
    /// <param name="concurrency">Operations in flight at once.</param>
    /// <param name="seconds">How long to measure after the warm-up.</param>
    public static async Task<int> RunAsync(Uri endpoint, string operation, string client, int concurrency, double seconds)
    {
        var payload = RandomNumberGenerator.GetBytes(1024);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(payload));
        var key = BenchmarkEndpoint.ObjectKey(payload.Length);
        using var raw = ClientFactory.CreateRaw(endpoint);
        using var ours = ClientFactory.CreateOurs(endpoint);
        using var sdk = ClientFactory.CreateSdk(endpoint);
        var rawPut = raw.ObjectUri(UploadKey);
        var rawGet = raw.ObjectUri(key);
        Func<Task> run = (operation, client) switch
        {
            ("put", "raw") => () => raw.PutAsync(rawPut, payload, payloadHash),
            ("put", "ours") => () => ours.PutObjectAsync(BenchmarkEndpoint.Bucket, UploadKey, new MemoryStream(payload, writable: false)),
            ("get", "raw") => () => raw.GetAsync(rawGet, Stream.Null),
            ("get", "ours") => async () =>
            {
                await using var result = await ours.GetObjectAsync(BenchmarkEndpoint.Bucket, key);
                await result.Content.CopyToAsync(Stream.Null);
            },
            ("head", "raw") => () => raw.HeadAsync(rawGet),
            ("head", "ours") => () => ours.HeadObjectAsync(BenchmarkEndpoint.Bucket, key),
            ("put", "sdk") => () => sdk.PutObjectAsync(new PutObjectRequest
            {
                BucketName = BenchmarkEndpoint.Bucket,
                Key = UploadKey,
                InputStream = new MemoryStream(payload, writable: false),
            }),
            ("get", "sdk") => async () =>
            {
                using var response = await sdk.GetObjectAsync(BenchmarkEndpoint.Bucket, key);
                await response.ResponseStream.CopyToAsync(Stream.Null);
            },
            ("head", "sdk") => () => sdk.GetObjectMetadataAsync(BenchmarkEndpoint.Bucket, key),
            _ => throw new ArgumentException($"Unknown operation or client: {operation} {client} (put|get|head, ours|raw|sdk)."),
        };

        await LoopAsync(run, concurrency, TimeSpan.FromSeconds(3));
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var count = await LoopAsync(run, concurrency, TimeSpan.FromSeconds(seconds));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuPerOperation = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / count;
        var bytesPerOperation = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} {client} concurrency {concurrency}: {count / elapsed.TotalSeconds:0} ops/s, CPU {cpuPerOperation:0.0} us/op, {bytesPerOperation:0} B/op"));
        return 0;
    }

    private static async Task<long> LoopAsync(Func<Task> operation, int concurrency, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            long done = 0;
            while (watch.Elapsed < duration)
            {
                await operation();
                done++;
            }

            return done;
        }));
        return counts.Sum();
    }
}
