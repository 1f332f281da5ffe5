using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using S3Client.Benchmarks.EndToEnd;
using S3Client.Benchmarks.Infrastructure;
using S3Client.Benchmarks.Micro;
using S3Client.Benchmarks.Reporting;
using S3Client.Benchmarks.Sweep;

// Runs the suite: starts the loopback endpoint, probes what AWSSDK.S3 does with non-seekable uploads, runs every
// benchmark in its own process and writes the Markdown results page. `bash eng/benchmark.sh` is the usual way in.
//
//   S3Client.Benchmarks [--short|--full] [--output FILE.md] [--artifacts DIR] [--label TEXT] [--filter GLOB]...
var full = args.Contains("--full");
var output = Option("--output");
var artifacts = Option("--artifacts") ?? Path.Combine("artifacts", "benchmarks");
var label = Option("--label");
var globs = args.Select((arg, i) => (arg, i)).Where(p => p.arg == "--filter" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToArray();

Environment.SetEnvironmentVariable(SuiteSettings.ModeVariable, full ? "full" : "short");
await using var server = await LoopbackS3Server.StartAsync();
Environment.SetEnvironmentVariable(BenchmarkEndpoint.VariableName, server.Endpoint.ToString());
Console.WriteLine($"Loopback S3 endpoint: {server.Endpoint} ({(full ? "full" : "short")} mode)");

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
if (output is not null)
{
    var markdown = ResultsMarkdownWriter.Write(summaries, probes, full, label);
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
