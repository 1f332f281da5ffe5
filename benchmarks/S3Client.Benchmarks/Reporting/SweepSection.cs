using System.Text;
using S3Client.Benchmarks.Sweep;

namespace S3Client.Benchmarks.Reporting;

/// <summary>
/// The part size x concurrency sweep of UploadAsync and DownloadAsync, with the memory budget of issue 5
/// (part size x (concurrency + 1) + 64 MiB over the process baseline) and the setting this run suggests.
/// </summary>
public static class SweepSection
{
    public static void Write(StringBuilder page, SuiteResults results)
    {
        var rows = results.Rows(nameof(TransferSweepBenchmarks)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var size = SuiteResults.SizeMiB(rows[0]);
        page.AppendLine("## Transfer sweep (TransferOptions)").AppendLine()
            .AppendLine($"UploadAsync of {size} MiB from a non-seekable stream and DownloadAsync of {size} MiB into `Stream.Null`, our client")
            .AppendLine("only; compare MiB/s with the raw single PUT and GET of the large-transfer table. Budget: WS growth within")
            .AppendLine("part size x (concurrency + 1) + 64 MiB.").AppendLine()
            .AppendLine("| Part size | Concurrency | Upload MiB/s | Upload CPU | Upload alloc | Upload WS growth | Download MiB/s | Download CPU | Download alloc | Download WS growth | Harmonic MiB/s | Budget | Within |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var configurations = rows.GroupBy(r => (Part: r.Parameter("PartSizeMiB"), Concurrency: r.Parameter("Concurrency")))
            .OrderBy(g => g.Key.Part).ThenBy(g => g.Key.Concurrency)
            .Select(g => new Configuration(g.Key.Part, g.Key.Concurrency,
                g.FirstOrDefault(r => r.Method == nameof(TransferSweepBenchmarks.Upload)),
                g.FirstOrDefault(r => r.Method == nameof(TransferSweepBenchmarks.Download)), size))
            .ToList();
        foreach (var c in configurations)
        {
            page.AppendLine($"| {c.Part} MiB | {c.Concurrency} | {Format.Number(c.Up?.MiBPerSecond(size))} | {Format.Milliseconds(c.Up?.CpuMilliseconds)} | " +
                $"{Format.Bytes(c.Up?.AllocatedBytes)} | {Format.MiB(c.Up?.WorkingSetGrowthMiB)} | {Format.Number(c.Down?.MiBPerSecond(size))} | " +
                $"{Format.Milliseconds(c.Down?.CpuMilliseconds)} | {Format.Bytes(c.Down?.AllocatedBytes)} | {Format.MiB(c.Down?.WorkingSetGrowthMiB)} | " +
                $"{Format.Number(c.Score)} | {Format.MiB(c.Budget)} | {(c.WithinBudget ? "yes" : "**no**")} |");
        }

        page.AppendLine();
        // Upload and download share the defaults, so a setting is scored by the harmonic mean of its two throughputs
        // (a slow direction is not hidden by a fast one), among the settings that stay within their memory budget.
        var suggestion = configurations
            .Where(c => c.WithinBudget && c.Score is not null)
            .MaxBy(c => c.Score);
        page.AppendLine(suggestion is null
            ? "No setting stayed within its memory budget in this run."
            : $"Best harmonic mean of upload and download MiB/s within the memory budget in this run: **PartSize {suggestion.Part} MiB, " +
              $"MaxConcurrency {suggestion.Concurrency}** ({Format.Number(suggestion.Score)} MiB/s). On this 2-core machine the server competes " +
              "with the client, so neighbouring settings within about 15% of each other are a tie.").AppendLine();
    }

    private sealed record Configuration(int Part, int Concurrency, ResultRow? Up, ResultRow? Down, int Size)
    {
        public double Budget => (Part * (Concurrency + 1)) + 64;

        public bool WithinBudget => (Up?.WorkingSetGrowthMiB ?? double.MaxValue) <= Budget && (Down?.WorkingSetGrowthMiB ?? double.MaxValue) <= Budget;

        public double? Score => Up?.MiBPerSecond(Size) is { } up && Down?.MiBPerSecond(Size) is { } down && up > 0 && down > 0
            ? 2 / ((1 / up) + (1 / down))
            : null;
    }
}
