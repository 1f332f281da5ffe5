using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary>
/// What the bulk commands (<c>cp --recursive</c>, <c>sync</c>, <c>rm --recursive</c>) share: their filter and
/// concurrency options, and running a <see cref="BulkOperation"/> with one progress line, a line per failed (or, in a
/// dry run, planned) item, a summary, and exit code 1 when any item failed.
/// </summary>
internal static class BulkCommand
{
    private const int ShownFailures = 20;

    /// <summary>Adds the shared options to a command; read them back with <see cref="DirectoryOptions"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="withFilters">Whether the command takes --include and --exclude (rm does not: it deletes the whole prefix).</param>
    public static BulkCommandOptions AddOptions(Command command, bool withFilters = true)
    {
        var options = new BulkCommandOptions(
            new Option<string[]>("--include") { Description = "Only files matching this glob (relative path; '*', '**', '?'); repeatable." },
            new Option<string[]>("--exclude") { Description = "Leave out files matching this glob; repeatable." },
            new Option<int>("--concurrency") { Description = "Objects in flight at once.", DefaultValueFactory = _ => 16 },
            new Option<bool>("--no-progress") { Description = "No progress line, only the summary." });
        if (withFilters)
        {
            command.Options.Add(options.Include);
            command.Options.Add(options.Exclude);
        }

        command.Options.Add(options.Concurrency);
        command.Options.Add(options.NoProgress);
        return options;
    }

    public static DirectoryTransferOptions DirectoryOptions(ParseResult parse, BulkCommandOptions shared, CliHost host, BulkProgressLine progress)
    {
        var options = new DirectoryTransferOptions
        {
            MaxConcurrency = parse.GetValue(shared.Concurrency),
            Transfer = host.TransferDefaults.Clone(),
            Progress = parse.GetValue(shared.NoProgress) ? null : progress,
            TimeProvider = host.Time,
        };
        foreach (var glob in parse.GetValue(shared.Include) ?? [])
        {
            options.Include.Add(glob);
        }

        foreach (var glob in parse.GetValue(shared.Exclude) ?? [])
        {
            options.Exclude.Add(glob);
        }

        return options;
    }

    /// <summary>Runs the operation to its end and reports it.</summary>
    /// <exception cref="ItemsFailedException">Some items failed.</exception>
    /// <exception cref="OperationCanceledException">Ctrl+C stopped it (what was done is reported first).</exception>
    public static async Task RunAsync(CliHost host, BulkOperation operation, BulkProgressLine line, CancellationToken cancellationToken)
    {
        var shown = 0;
        await foreach (var result in operation)
        {
            if (result.Status == BulkItemStatus.Planned)
            {
                line.Print(host.Out, $"(dry run) {result.Action.ToString().ToLowerInvariant()}: {result.Key}{(result.LocalPath is null ? "" : $" ({result.LocalPath})")}");
            }
            else if (result.Status == BulkItemStatus.Failed && shown++ < ShownFailures)
            {
                line.Print(Console.Error, $"failed: {result.Key}: {result.Exception?.GetType().Name}: {result.Exception?.Message}");
            }
        }

        var summary = operation.Summary!;
        line.Finish(summary);
        if (summary.WasCancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (summary.Failed > 0)
        {
            throw new ItemsFailedException($"{summary.Failed} item(s) failed{(summary.Failed > ShownFailures ? $" (the first {ShownFailures} are shown above)" : "")}.");
        }
    }
}
