using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary>
/// <c>sync SOURCE DESTINATION</c>: a local directory to <c>s3://bucket/prefix</c> or the other way; transfers only
/// what is missing or changed (size, then MD5 or modification time), <c>--delete</c> removes what the source lacks,
/// <c>--dry-run</c> only lists what would be done.
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A local directory or s3://bucket/prefix." };
        var destination = new Argument<string>("destination") { Description = "s3://bucket/prefix or a local directory." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be transferred or deleted; change nothing." };
        var delete = new Option<bool>("--delete") { Description = "Delete what the destination has and the source does not." };
        var command = new Command("sync", "Make a prefix match a directory, or a directory match a prefix.") { source, destination, dryRun, delete };
        var shared = BulkCommand.AddOptions(command);
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            (host, ct) =>
            {
                var from = parse.GetRequiredValue(source);
                var to = parse.GetRequiredValue(destination);
                var line = new BulkProgressLine($"sync {from} -> {to}", host.Time);
                var options = BulkCommand.DirectoryOptions(parse, shared, host, line);
                options.DryRun = parse.GetValue(dryRun);
                options.DeleteExtraneous = parse.GetValue(delete);
                var operation = (S3Location.IsS3(from), S3Location.IsS3(to)) switch
                {
                    (false, true) => host.S3.SyncToBucketAsync(from, S3Location.Parse(to).Bucket, S3Location.Parse(to).Key, options, ct),
                    (true, false) => host.S3.SyncToDirectoryAsync(S3Location.Parse(from).Bucket, S3Location.Parse(from).Key, to, options, ct),
                    _ => throw new UsageException("sync runs between a local directory and S3: one side must be s3://bucket/prefix, the other a directory."),
                };
                return BulkCommand.RunAsync(host, operation, line, ct);
            },
            cancellationToken));
        return command;
    }
}
