using System.Globalization;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using S3Client.Benchmarks.Cold;
using S3Client.Benchmarks.EndToEnd;
using S3Client.Benchmarks.Fallback;
using S3Client.Benchmarks.Infrastructure;
using S3Client.Benchmarks.Micro;
using S3Client.Benchmarks.Profiling;
using S3Client.Benchmarks.Reporting;
using S3Client.Benchmarks.Sweep;

// Runs the suite: starts the loopback endpoint, probes what AWSSDK.S3 does with non-seekable uploads, runs every
// benchmark in its own process and writes the Markdown results page. `bash eng/benchmark.sh` is the usual way in.
//
//   S3Client.Benchmarks [--short|--full] [--output FILE.md] [--artifacts DIR] [--label TEXT] [--filter GLOB]... [--hedging] [--no-cold]
//   S3Client.Benchmarks --cold-child SCENARIO CLIENT    (one fresh process of the cold-start suite; started by the suite)
//   S3Client.Benchmarks --external NAME [--short|--full] [--output FILE.md] [--label TEXT]    (directory transfers against a real
//                          server at S3BENCH_ENDPOINT; eng/benchmark.sh --rgw starts one)
//   S3Client.Benchmarks --serve    (only the loopback endpoint, until stopped; for --loop in another process)
//   S3Client.Benchmarks --loop put|get|head ours|raw|sdk CONCURRENCY SECONDS    (a steady loop for a profiler; see docs/performance.md;
//                          against S3BENCH_ENDPOINT when set, else an endpoint in the same process)
// --hedging runs only the hedged-read latency harness; an unfiltered run appends its section to the page, and the
// cold-start suite runs in unfiltered runs and in runs filtered on '*Cold*'.
if (args.Length == 3 && args[0] == "--cold-child")
{
    return await ColdStartChild.RunAsync(args[1], args[2]);
}

if (args.Length == 5 && args[0] == "--loop")
{
    return await SmallOperationLoop.RunAsync(
        BenchmarkEndpoint.Get(), args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), double.Parse(args[4], CultureInfo.InvariantCulture));
}

if (args is ["--serve"])
{
    await using var served = await LoopbackS3Server.StartAsync();
    Console.WriteLine($"{BenchmarkEndpoint.VariableName}={served.Endpoint}");
    await Task.Delay(Timeout.Infinite);
    return 0;
}

var full = args.Contains("--full");
var output = Option("--output");
var artifacts = Option("--artifacts") ?? Path.Combine("artifacts", "benchmarks");
var label = Option("--label");
var globs = args.Select((arg, i) => (arg, i)).Where(p => p.arg == "--filter" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToArray();

Environment.SetEnvironmentVariable(SuiteSettings.ModeVariable, full ? "full" : "short");
if (Option("--external") is { } external)
{
    // A real server named by the caller (eng/benchmark.sh --rgw) at S3BENCH_ENDPOINT, signed for with S3BENCH_ACCESS_KEY
    // and S3BENCH_SECRET_KEY: the directory transfers only, since the other scenarios need the loopback endpoint's answers.
    var target = Environment.GetEnvironmentVariable(BenchmarkEndpoint.VariableName) is { Length: > 0 } url ? url
        : throw new InvalidOperationException($"--external needs {BenchmarkEndpoint.VariableName}, S3BENCH_ACCESS_KEY and S3BENCH_SECRET_KEY.");
    Environment.SetEnvironmentVariable(BenchmarkEndpoint.ExternalVariableName, external);
    Console.WriteLine($"{external} at {target} ({(full ? "full" : "short")} mode)");
    var withCli = AwsCli.IsInstalled;
    var onServer = BenchmarkConverter.TypeToBenchmarks(
        typeof(BulkDirectoryBenchmarks),
        SuiteConfig.Create(SuiteConfig.LargeTransfers(full), artifacts, new SimpleFilter(b => withCli || !b.Descriptor.WorkloadMethod.Name.StartsWith("Cli", StringComparison.Ordinal)), true));
    var onServerSummaries = BenchmarkRunner.Run([onServer]);
    if (output is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, ResultsMarkdownWriter.WriteExternal(onServerSummaries, full, label, external));
        Console.WriteLine($"Results written to {output}");
    }

    return onServerSummaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

await using var server = await LoopbackS3Server.StartAsync();
Environment.SetEnvironmentVariable(BenchmarkEndpoint.VariableName, server.Endpoint.ToString());
Console.WriteLine($"Loopback S3 endpoint: {server.Endpoint} ({(full ? "full" : "short")} mode)");

if (args.Contains("--hedging"))
{
    var section = await HedgingLatencyHarness.RunAsync(server.Endpoint, full);
    Console.WriteLine(section);
    if (output is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, $"# Hedged reads{Environment.NewLine}{Environment.NewLine}{section}");
        Console.WriteLine($"Results written to {output}");
    }

    return 0;
}

var probes = await SdkBehaviourProbe.RunAsync(server.Endpoint);
foreach (var probe in probes)
{
    Console.WriteLine($"AWSSDK.S3 probe: {probe.Case}: {probe.Outcome}");
}

var skipped = probes.Where(p => !p.Succeeded).SelectMany(p => p.Benchmarks).ToHashSet(StringComparer.Ordinal);
if (!AwsCli.IsInstalled)
{
    // The CLI rows of the directory transfers need Debian's awscli package; without it they are left out.
    Console.WriteLine($"{AwsCli.Path} not found: the aws s3 cp rows are not run (apt-get install awscli).");
    skipped.UnionWith([$"{nameof(BulkDirectoryBenchmarks)}.{nameof(BulkDirectoryBenchmarks.CliUpload)}", $"{nameof(BulkDirectoryBenchmarks)}.{nameof(BulkDirectoryBenchmarks.CliDownload)}"]);
}
IFilter filter = new SimpleFilter(benchmark =>
    !skipped.Contains($"{benchmark.Descriptor.Type.Name}.{benchmark.Descriptor.WorkloadMethod.Name}")
    && (globs.Length == 0 || new GlobFilter(globs).Predicate(benchmark)));

var runs = new[]
{
    (typeof(SigV4SigningBenchmarks), SuiteConfig.Micro(full), false),
    (typeof(PresignBenchmarks), SuiteConfig.Micro(full), false),
    (typeof(UriEncodingBenchmarks), SuiteConfig.Micro(full), false),
    (typeof(ListParsingBenchmarks), SuiteConfig.Micro(full), false),
    (typeof(ErrorParsingBenchmarks), SuiteConfig.Micro(full), false),
    (typeof(SmallObjectBenchmarks), SuiteConfig.SmallRequests(full), false),
    (typeof(ListPageBenchmarks), SuiteConfig.SmallRequests(full), false),
    (typeof(LargeGetBenchmarks), SuiteConfig.LargeTransfers(full), true),
    (typeof(LargePutBenchmarks), SuiteConfig.LargeTransfers(full), true),
    (typeof(UnknownLengthPutBenchmarks), SuiteConfig.LargeTransfers(full), true),
    (typeof(TransferSweepBenchmarks), SuiteConfig.Sweep(full), true),
    (typeof(BulkDirectoryBenchmarks), SuiteConfig.LargeTransfers(full), true),
}.Select(run => BenchmarkConverter.TypeToBenchmarks(run.Item1, SuiteConfig.Create(run.Item2, artifacts, filter, run.Item3)))
 .Where(info => info.BenchmarksCases.Length > 0)
 .ToArray();

var summaries = runs.Length == 0 ? [] : BenchmarkRunner.Run(runs);

// The first seconds of fresh processes, after the benchmarks so their processes do not share the machine with them.
IReadOnlyList<ColdStartResult> cold = [];
if (!args.Contains("--no-cold") && (globs.Length == 0 || globs.Any(g => g.Contains("Cold", StringComparison.OrdinalIgnoreCase))))
{
    cold = await ColdStartSuite.RunAsync(repeats: full ? 5 : 3);
    foreach (var result in cold)
    {
        Console.WriteLine($"Cold start {result.Scenario}/{result.Client}: first op {result.FirstOperationMs:0} ms, {result.OpsInFirstSecond:0} ops in the 1st s, {result.OpsInWindow:0} in 2 s");
    }
}

if (output is not null)
{
    var markdown = ResultsMarkdownWriter.Write(summaries, probes, full, label, cold);
    if (globs.Length == 0)
    {
        markdown += $"{Environment.NewLine}## Hedged reads and failover{Environment.NewLine}{Environment.NewLine}{await HedgingLatencyHarness.RunAsync(server.Endpoint, full)}";
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, markdown);
    Console.WriteLine($"Results written to {output}");
}

return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
