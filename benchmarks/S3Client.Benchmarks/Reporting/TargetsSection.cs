using System.Text;
using S3Client.Benchmarks.EndToEnd;
using S3Client.Benchmarks.Micro;

namespace S3Client.Benchmarks.Reporting;

/// <summary>The performance targets, each with what this run measured and whether it holds.</summary>
public static class TargetsSection
{
    private const double MiB = 1024 * 1024;

    public static void Write(StringBuilder page, SuiteResults results, IReadOnlyList<Cold.ColdStartResult> cold)
    {
        page.AppendLine("## Targets").AppendLine()
            .AppendLine("| Target | Measured | Verdict |")
            .AppendLine("|---|---|---|");

        foreach (var scenario in new[] { "PUT 1 KiB", "GET 1 KiB", "HEAD 1 KiB" })
        {
            foreach (var concurrency in new[] { 1, 16 })
            {
                var group = results.Group(nameof(SmallObjectBenchmarks), scenario, $"Concurrency={concurrency}");
                var ours = group?.Rows.FirstOrDefault(r => r.IsOurs);
                var ratio = ours is null ? null : group!.VersusRaw(ours);
                var sdk = group?.Sdk is { } s ? group.VersusRaw(s) : null;
                Row(page, $"{scenario}, concurrency {concurrency}: >= 0.8x raw HttpClient",
                    $"{Format.Ratio(ratio)} raw, {Format.Ratio(ours is null ? null : group!.VersusSdk(ours))} SDK (SDK: {Format.Ratio(sdk)} raw)",
                    ratio is { } r ? r >= 0.8 : null);
            }
        }

        var small = results.Rows(nameof(SmallObjectBenchmarks)).Where(r => r.IsOurs && r.AllocatedBytes is not null).ToList();
        var worst = small.MaxBy(r => r.AllocatedBytes);
        Row(page, "Allocated per small operation <= 6 KiB (all handlers included)",
            worst is null ? "n/a" : $"at most {Format.Bytes(worst.AllocatedBytes)} ({worst.Scenario}, {worst.ParameterText}); " +
                string.Join(", ", small.Select(r => $"{r.Scenario.Split(' ')[0]}/{r.Parameter("Concurrency")}: {Format.Bytes(r.AllocatedBytes)}")),
            worst is null ? null : worst.AllocatedBytes <= 6 * 1024);

        var list = results.Groups(nameof(ListPageBenchmarks)).FirstOrDefault();
        var listOurs = list?.Rows.FirstOrDefault(r => r.IsOurs);
        var listSpeed = listOurs is null ? null : list!.VersusSdk(listOurs);
        var listAlloc = listOurs is null ? null : list!.AllocationVersusSdk(listOurs);
        Row(page, "1000-key list page, warm: >= 6x AWSSDK.S3 throughput at <= 1/3 of its allocations",
            $"{Format.Ratio(listSpeed)} SDK throughput, {Format.Ratio(listAlloc)} its allocations ({Format.Bytes(listOurs?.AllocatedBytes)} vs {Format.Bytes(list?.Sdk?.AllocatedBytes)})",
            listSpeed is { } ls && listAlloc is { } la ? ls >= 6 && la <= 1.0 / 3 : null);
        var coldList = ColdStartSection.ListFirstSecondVersusSdk(cold);
        Row(page, "1000-key list page, first second of a fresh process: >= 4x AWSSDK.S3", $"{Format.Ratio(coldList)} SDK pages", coldList is { } cl ? cl >= 4 : null);

        var signature = results.Rows(nameof(SigV4SigningBenchmarks)).FirstOrDefault(r => r.IsOurs);
        Row(page, "SigV4 header signature <= 2.5 μs and <= 512 B",
            signature is null ? "n/a" : $"{Format.Time(signature.MedianNanoseconds)}, {Format.Bytes(signature.AllocatedBytes)}",
            signature is null ? null : signature.MedianNanoseconds <= 2500 && signature.AllocatedBytes <= 512);

        var get = results.Groups(nameof(LargeGetBenchmarks)).FirstOrDefault();
        TransferRow(page, get, nameof(LargeGetBenchmarks.Ours), "GET (GetObjectAsync)");
        TransferRow(page, get, nameof(LargeGetBenchmarks.OursDownload), "GET (DownloadAsync)");
        var single = results.Groups(nameof(LargePutBenchmarks)).FirstOrDefault(g => g.Rows.Any(r => r.Method == nameof(LargePutBenchmarks.RawPut)));
        var multipart = results.Groups(nameof(LargePutBenchmarks)).FirstOrDefault(g => g.Rows.Any(r => r.Method == nameof(LargePutBenchmarks.RawUpload)));
        TransferRow(page, single, nameof(LargePutBenchmarks.OursPut), "PUT (PutObjectAsync, length given)");
        if (single?.Raw is { } rawPut && multipart?.Ours(nameof(LargePutBenchmarks.OursUpload)) is { } upload)
        {
            TransferRow(page, new ScenarioGroup([rawPut, upload]), upload.Method, "PUT (UploadAsync vs raw single PUT)");
        }

        TransferRow(page, multipart, nameof(LargePutBenchmarks.OursUpload), "PUT (UploadAsync vs raw multipart)");

        var unknown = results.Rows(nameof(UnknownLengthPutBenchmarks)).FirstOrDefault(r => r.IsOurs);
        Row(page, "64 MiB PUT of unknown length: peak WS growth <= part size x concurrency + 32 MiB (64 MiB)",
            unknown is null ? "n/a" : $"WS growth {Format.MiB(unknown.WorkingSetGrowthMiB)} (peak {Format.MiB(unknown.PeakWorkingSetMiB)})",
            unknown?.WorkingSetGrowthMiB is { } growth ? growth <= 64 : null);
        page.AppendLine()
            .AppendLine("Where the CPU of a small operation goes, measured with a profiler, and why the request targets are not met: [performance.md](performance.md).")
            .AppendLine();
    }

    private static void TransferRow(StringBuilder page, ScenarioGroup? group, string method, string what)
    {
        var ours = group?.Ours(method);
        var raw = group?.Raw;
        if (ours is null || raw is null)
        {
            Row(page, $"Large {what}: >= 0.95x raw MiB/s, CPU <= 1.5x raw, peak WS <= raw + 32 MiB", "n/a", null);
            return;
        }

        var speed = group!.VersusRaw(ours);
        var cpu = Format.Divide(ours.CpuMilliseconds, raw.CpuMilliseconds);
        var peak = ours.PeakWorkingSetMiB - raw.PeakWorkingSetMiB;
        Row(page, $"Large {what}: >= 0.95x raw MiB/s, CPU <= 1.5x raw, peak WS <= raw + 32 MiB",
            $"{Format.Ratio(speed)} raw MiB/s, CPU {Format.Ratio(cpu)}, peak WS raw {(peak >= 0 ? "+" : "")}{Format.MiB(peak)}",
            speed is { } s && cpu is { } c && peak is { } p ? s >= 0.95 && c <= 1.5 && p <= 32 : null);
    }

    private static void Row(StringBuilder page, string target, string measured, bool? met) =>
        page.AppendLine($"| {target} | {measured} | {Format.Verdict(met)} |");
}
