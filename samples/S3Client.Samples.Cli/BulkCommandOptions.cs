using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary>The options every bulk command has.</summary>
internal sealed record BulkCommandOptions(Option<string[]> Include, Option<string[]> Exclude, Option<int> Concurrency, Option<bool> NoProgress);
