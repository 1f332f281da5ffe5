using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using Perfolizer.Horology;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The BenchmarkDotNet configurations of the suite: one job per kind of benchmark (micro, small requests, large
/// transfers, sweep), each shorter in the short mode. Every benchmark case runs in its own process with the memory
/// diagnoser; the large transfers add CPU time and working-set columns.
/// </summary>
public static class SuiteConfig
{
    public static Job Micro(bool full) => (full
            ? Job.Default.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250))
            : Job.Default.WithWarmupCount(2).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100)))
        .WithLaunchCount(1).WithId(full ? "Micro" : "MicroShort");

    public static Job SmallRequests(bool full) => (full
            ? Job.Default.WithWarmupCount(3).WithIterationCount(12).WithIterationTime(TimeInterval.FromMilliseconds(500))
            : Job.Default.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(200)))
        .WithLaunchCount(1).WithId(full ? "Requests" : "RequestsShort");

    /// <summary>One transfer per iteration (no pilot, no unrolling): the median of the iterations is the result.</summary>
    public static Job LargeTransfers(bool full) => Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithWarmupCount(1)
        .WithIterationCount(full ? 5 : 2)
        .WithLaunchCount(1).WithId(full ? "Transfers" : "TransfersShort");

    public static Job Sweep(bool full) => Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithWarmupCount(1)
        .WithIterationCount(full ? 3 : 2)
        .WithLaunchCount(1).WithId(full ? "Sweep" : "SweepShort");

    public static IConfig Create(Job job, string artifactsPath, IFilter filter, bool processMetrics) =>
        ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddColumn(processMetrics
                ? [ProcessMetricsColumn.CpuPerOperation, ProcessMetricsColumn.PeakWorkingSet, ProcessMetricsColumn.WorkingSetGrowth]
                : [])
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .AddFilter(filter)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
            .WithArtifactsPath(artifactsPath)
            // The default 120 s is too short to build a benchmark process on a busy 2-core machine.
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
}
