using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>Shows a value that <see cref="ProcessMetrics.Report"/> printed in the benchmark process.</summary>
public sealed class ProcessMetricsColumn : IColumn
{
    public static readonly ProcessMetricsColumn CpuPerOperation = new("cpu_ms", "CPU/op", "CPU time of the benchmark process per operation, all threads (median), ms", 1);
    public static readonly ProcessMetricsColumn PeakWorkingSet = new("peak_ws", "Peak WS", "Peak working set of the benchmark process, MiB", 1.0 / (1024 * 1024));
    public static readonly ProcessMetricsColumn WorkingSetGrowth = new("growth", "WS growth", "Peak working set minus the working set before the first transfer, MiB", 1.0 / (1024 * 1024));

    private readonly string _key;
    private readonly double _scale;

    private ProcessMetricsColumn(string key, string name, string legend, double scale)
    {
        _key = key;
        _scale = scale;
        ColumnName = name;
        Legend = legend;
    }

    public string Id => "S3Bench." + _key;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.Reports.Any(r => Read(r) is not null);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var value = summary[benchmarkCase] is { } report ? Value(report) : null;
        return value is { } v ? v.ToString(_key == "cpu_ms" ? "N0" : "N1", CultureInfo.InvariantCulture) : "-";
    }

    /// <summary>The value for <paramref name="report"/> in the column's unit, or null when the benchmark printed none.</summary>
    public double? Value(BenchmarkReport report)
    {
        if (Read(report) is not { } values)
        {
            return null;
        }

        if (_key == "growth")
        {
            return values.TryGetValue("peak_ws", out var peak) && values.TryGetValue("baseline_ws", out var baseline) ? (peak - baseline) * _scale : null;
        }

        return values.TryGetValue(_key, out var value) ? value * _scale : null;
    }

    private static Dictionary<string, double>? Read(BenchmarkReport report)
    {
        var line = report.ExecuteResults
            .SelectMany(result => result.StandardOutput)
            .LastOrDefault(l => l.StartsWith(ProcessMetrics.Marker, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in line[ProcessMetrics.Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && double.TryParse(pair.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[pair[..equals]] = value;
            }
        }

        return values;
    }

    public override string ToString() => ColumnName;
}
