using System.Diagnostics;
using System.Globalization;
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
    /// <param name="endpoint">The loopback endpoint.</param>
    /// <param name="operation"><c>put</c>, <c>get</c> or <c>head</c>.</param>
    /// <param name="client"><c>ours</c>, <c>raw</c> or <c>sdk</c> (AWSSDK.S3).</param>
    /// <param name="concurrency">Operations in flight at once.</param>
    /// <param name="seconds">How long to measure after the warm-up.</param>
    public static async Task<int> RunAsync(Uri endpoint, string operation, string client, int concurrency, double seconds)
    {
        using var raw = ClientFactory.CreateRaw(endpoint);
        using var ours = ClientFactory.CreateOurs(endpoint);
        using var sdk = ClientFactory.CreateSdk(endpoint);
        var run = new SmallOperations(raw, ours, sdk).For(operation, client);

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
