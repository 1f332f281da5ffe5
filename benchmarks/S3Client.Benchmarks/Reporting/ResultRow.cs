using BenchmarkDotNet.Reports;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Reporting;

/// <summary>One benchmark case's result, in the units the results page uses.</summary>
public sealed record ResultRow(
    string Type,
    string Method,
    string Scenario,
    string Client,
    IReadOnlyDictionary<string, int> Parameters,
    bool IsBaseline,
    double? MedianNanoseconds,
    long? AllocatedBytes,
    double? CpuMilliseconds,
    double? PeakWorkingSetMiB,
    double? WorkingSetGrowthMiB)
{
    public bool IsSdk => Client.StartsWith("AWSSDK.S3", StringComparison.Ordinal);

    public bool IsOurs => Client.StartsWith("Ours", StringComparison.Ordinal);

    /// <summary>The parameters that tell the rows of one scenario apart, such as <c>Concurrency=16</c>.</summary>
    public string ParameterText => string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"));

    public int Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : 0;

    public double? MiBPerSecond(double mebibytes) => MedianNanoseconds is { } ns and > 0 ? mebibytes / (ns / 1e9) : null;

    public static ResultRow From(BenchmarkReport report)
    {
        var benchmark = report.BenchmarkCase;
        var descriptor = benchmark.Descriptor;
        return new ResultRow(
            descriptor.Type.Name,
            descriptor.WorkloadMethod.Name,
            descriptor.Categories.FirstOrDefault() ?? descriptor.Type.Name,
            descriptor.WorkloadMethodDisplayInfo.Trim('\''),
            benchmark.Parameters.Items.ToDictionary(p => p.Name, p => Convert.ToInt32(p.Value, System.Globalization.CultureInfo.InvariantCulture)),
            descriptor.Baseline,
            report.ResultStatistics?.Median,
            report.GcStats.GetBytesAllocatedPerOperation(benchmark),
            ProcessMetricsColumn.CpuPerOperation.Value(report),
            ProcessMetricsColumn.PeakWorkingSet.Value(report),
            ProcessMetricsColumn.WorkingSetGrowth.Value(report));
    }
}
