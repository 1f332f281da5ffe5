using Amazon.S3;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.EndToEnd;

/// <summary>
/// PUT, GET and HEAD of a 1 KiB object against the loopback endpoint. Every invocation runs 16 operations, one after
/// the other (<see cref="Concurrency"/> 1) or all at once (16), and the numbers are per operation. GET bodies are
/// copied to <see cref="Stream.Null"/>; every response is disposed.
/// </summary>
public class SmallObjectBenchmarks
{
    public const int OperationsPerInvoke = 16;
    private const string Put = "PUT 1 KiB";
    private const string Get = "GET 1 KiB";
    private const string Head = "HEAD 1 KiB";

    private readonly Task[] _running = new Task[OperationsPerInvoke];
    private RawS3Client _raw = null!;
    private S3ServiceClient _ours = null!;
    private AmazonS3Client _sdk = null!;
    private Func<Task> _putRaw = null!, _putOurs = null!, _putSdk = null!;
    private Func<Task> _getRaw = null!, _getOurs = null!, _getSdk = null!;
    private Func<Task> _headRaw = null!, _headOurs = null!, _headSdk = null!;

    [Params(1, 16)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = BenchmarkEndpoint.Get();
        _raw = ClientFactory.CreateRaw(endpoint);
        _ours = ClientFactory.CreateOurs(endpoint);
        _sdk = ClientFactory.CreateSdk(endpoint);
        var operations = new SmallOperations(_raw, _ours, _sdk);
        (_putRaw, _putOurs, _putSdk) = (operations.For("put", "raw"), operations.For("put", "ours"), operations.For("put", "sdk"));
        (_getRaw, _getOurs, _getSdk) = (operations.For("get", "raw"), operations.For("get", "ours"), operations.For("get", "sdk"));
        (_headRaw, _headOurs, _headSdk) = (operations.For("head", "raw"), operations.For("head", "ours"), operations.For("head", "sdk"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _ours.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke, Description = "Raw HttpClient"), BenchmarkCategory(Put)]
    public Task PutRaw() => RunAsync(_putRaw);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "Ours"), BenchmarkCategory(Put)]
    public Task PutOurs() => RunAsync(_putOurs);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "AWSSDK.S3"), BenchmarkCategory(Put)]
    public Task PutSdk() => RunAsync(_putSdk);

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke, Description = "Raw HttpClient"), BenchmarkCategory(Get)]
    public Task GetRaw() => RunAsync(_getRaw);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "Ours"), BenchmarkCategory(Get)]
    public Task GetOurs() => RunAsync(_getOurs);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "AWSSDK.S3"), BenchmarkCategory(Get)]
    public Task GetSdk() => RunAsync(_getSdk);

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke, Description = "Raw HttpClient"), BenchmarkCategory(Head)]
    public Task HeadRaw() => RunAsync(_headRaw);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "Ours"), BenchmarkCategory(Head)]
    public Task HeadOurs() => RunAsync(_headOurs);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "AWSSDK.S3"), BenchmarkCategory(Head)]
    public Task HeadSdk() => RunAsync(_headSdk);

    private async Task RunAsync(Func<Task> operation)
    {
        if (Concurrency == 1)
        {
            for (var i = 0; i < OperationsPerInvoke; i++)
            {
                await operation();
            }

            return;
        }

        // 16 in flight at once; a Task[] reused across invocations keeps the harness out of the allocation numbers.
        for (var i = 0; i < OperationsPerInvoke; i++)
        {
            _running[i] = operation();
        }

        await Task.WhenAll(_running);
    }
}
