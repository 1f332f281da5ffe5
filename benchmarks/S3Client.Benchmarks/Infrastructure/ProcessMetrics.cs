using System.Diagnostics;
using System.Globalization;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// CPU time per operation and peak working set of a benchmark process, for the large transfers. Each benchmark case
/// runs in its own process, so the peak is that case's alone; the endpoint runs in the runner's process, so neither
/// number includes the server. <see cref="Report"/> prints one line that <see cref="ProcessMetricsColumn"/> reads from
/// the process output.
/// </summary>
public sealed class ProcessMetrics
{
    public const string Marker = "#S3BENCH-METRICS";

    private readonly List<double> _cpuMilliseconds = [];
    private long _baselineWorkingSet;
    private long _childPeak;

    /// <summary>Records the working set once the clients exist and nothing has been transferred.</summary>
    public void Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        _baselineWorkingSet = process.WorkingSet64;
    }

    /// <summary>Runs one operation and records the CPU time of the whole process (all threads) it took.</summary>
    public async Task MeasureAsync(Func<Task> operation)
    {
        var before = Environment.CpuUsage.TotalTime;
        await operation().ConfigureAwait(false);
        _cpuMilliseconds.Add((Environment.CpuUsage.TotalTime - before).TotalMilliseconds);
    }

    /// <summary>
    /// Records the peak working set of a child process that did the work (a command-line tool); the report then shows
    /// the highest such peak, with a baseline of 0, instead of this process's own.
    /// </summary>
    public void RecordChildPeak(long bytes) => _childPeak = Math.Max(_childPeak, bytes);

    /// <summary>Prints the median CPU time per operation (robust to the first, JIT-heavy call), the peak and the baseline working set.</summary>
    public void Report()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var sorted = _cpuMilliseconds.Order().ToArray();
        var median = sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Marker} cpu_ms={median:F1} peak_ws={(_childPeak > 0 ? _childPeak : process.PeakWorkingSet64)} baseline_ws={(_childPeak > 0 ? 0 : _baselineWorkingSet)} ops={sorted.Length}"));
    }
}
