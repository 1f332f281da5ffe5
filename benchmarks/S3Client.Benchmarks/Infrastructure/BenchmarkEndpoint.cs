namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// Where the end-to-end benchmarks send their requests. The runner starts the loopback endpoint in its own process and
/// passes its URL to the benchmark processes in <see cref="VariableName"/>, so the CPU time, allocations and working
/// set measured in a benchmark process are the client's alone. Without the variable (a benchmark run in-process while
/// developing) an endpoint is started in this process.
/// </summary>
public static class BenchmarkEndpoint
{
    public const string VariableName = "S3BENCH_ENDPOINT";

    /// <summary>Set (to the server's name) when <see cref="VariableName"/> is a real server, not the loopback endpoint.</summary>
    public const string ExternalVariableName = "S3BENCH_EXTERNAL";
    public const string Bucket = "bench";

    private static readonly Lock Gate = new();
    private static LoopbackS3Server? s_local;

    public static Uri Get()
    {
        if (Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } url)
        {
            return new Uri(url);
        }

        lock (Gate)
        {
            s_local ??= LoopbackS3Server.StartAsync().GetAwaiter().GetResult();
            return s_local.Endpoint;
        }
    }

    /// <summary>Whether the endpoint is a real server, which stores what it is sent and serves only what it stores.</summary>
    public static bool IsExternal => Environment.GetEnvironmentVariable(ExternalVariableName) is { Length: > 0 };

    /// <summary>The key of an object of <paramref name="bytes"/> bytes on the loopback endpoint.</summary>
    public static string ObjectKey(long bytes) => $"data/obj-{bytes}";
}
