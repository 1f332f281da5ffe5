using System.Text;
using S3Client.Benchmarks.EndToEnd;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Reporting;

/// <summary>
/// The many-small-objects table: objects per second of our directory transfers beside TransferUtility and
/// <c>aws s3 cp --recursive</c>, their peak working sets, and the targets of issue 14 (at least 3x the CLI and 1.5x
/// TransferUtility).
/// </summary>
public static class BulkSection
{
    public static void Write(StringBuilder page, SuiteResults results)
    {
        var rows = results.Rows(nameof(BulkDirectoryBenchmarks)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        page.AppendLine("## Many small objects (directory transfers)").AppendLine()
            .AppendLine($"{BulkTree.Objects:N0} objects of {BulkTree.ObjectSize / 1024} KiB: a directory uploaded under a prefix, and the prefix downloaded into an")
            .AppendLine("empty directory (files written through temporary files for ours), one whole transfer per iteration, each tool")
            .AppendLine("with its default concurrency (ours 16, TransferUtility 10, the CLI 10). The CLI is Debian's `aws` run as a child")
            .AppendLine("process (Python start-up included, about 0.5 s); its peak WS is that process's peak resident set. Peak WS of the")
            .AppendLine("others is the benchmark process's.").AppendLine()
            .AppendLine("| Scenario | Client | Median | objects/s | x aws cli | x TransferUtility | Peak WS | WS growth |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var verdicts = new List<string>();
        foreach (var scenario in rows.GroupBy(r => r.Scenario))
        {
            var cli = scenario.FirstOrDefault(r => r.IsBaseline);
            var sdk = scenario.FirstOrDefault(r => r.IsSdk);
            foreach (var row in scenario)
            {
                page.AppendLine($"| {row.Scenario} | {row.Client} | {Format.Time(row.MedianNanoseconds)} | {Format.Number(PerSecond(row))} | " +
                    $"{Format.Ratio(Format.Divide(PerSecond(row), PerSecond(cli)))} | {Format.Ratio(Format.Divide(PerSecond(row), PerSecond(sdk)))} | " +
                    $"{Format.MiB(row.PeakWorkingSetMiB)} | {Format.MiB(row.WorkingSetGrowthMiB)} |");
            }

            if (scenario.FirstOrDefault(r => r.IsOurs) is { } ours)
            {
                var versusCli = Format.Divide(PerSecond(ours), PerSecond(cli));
                var versusSdk = Format.Divide(PerSecond(ours), PerSecond(sdk));
                verdicts.Add($"| {scenario.Key}: >= 3x aws cli, >= 1.5x TransferUtility objects/s | {Format.Ratio(versusCli)} aws cli, {Format.Ratio(versusSdk)} TransferUtility | " +
                    $"{Format.Verdict(versusCli is { } c && versusSdk is { } s ? c >= 3 && s >= 1.5 : null)} |");
            }
        }

        page.AppendLine().AppendLine("| Target | Measured | Verdict |").AppendLine("|---|---|---|");
        foreach (var verdict in verdicts)
        {
            page.AppendLine(verdict);
        }

        page.AppendLine();
    }

    private static double? PerSecond(ResultRow? row) => row?.MedianNanoseconds is { } ns and > 0 ? BulkTree.Objects / (ns / 1e9) : null;
}
