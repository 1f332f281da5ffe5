using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary>
/// <c>cp SOURCE DESTINATION</c>: a local file (or <c>-</c> for stdin) to <c>s3://bucket/key</c>, or
/// <c>s3://bucket/key</c> to a local file (or <c>-</c> for stdout). Large objects move in parallel parts, with a
/// progress bar on stderr; a failed upload is aborted and a failed download leaves no partial file behind.
/// With <c>--recursive</c>, a directory to <c>s3://bucket/prefix</c> or a prefix to a directory, many objects at once.
/// </summary>
internal static class CopyCommand
{
    private const string StandardStream = "-";

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A local file, '-' for stdin, or s3://bucket/key." };
        var destination = new Argument<string>("destination")
        {
            Description = "s3://bucket/key (a key ending in '/' gets the file name), a local file or folder, or '-' for stdout.",
        };
        var contentType = new Option<string?>("--content-type") { Description = "The Content-Type an upload is stored with." };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Copy a directory tree to a prefix, or a prefix to a directory." };
        var command = new Command("cp", "Copy a file to S3 or an object from S3 (a directory or prefix with --recursive).") { source, destination, contentType, recursive };
        var shared = BulkCommand.AddOptions(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var from = parse.GetRequiredValue(source);
            var to = parse.GetRequiredValue(destination);
            var showProgress = !parse.GetValue(shared.NoProgress);
            if (parse.GetValue(recursive))
            {
                return CliRunner.RunAsync((host, ct) => CopyTreeAsync(host, parse, shared, from, to, ct), cancellationToken);
            }

            return CliRunner.RunAsync(
                (host, ct) => (S3Location.IsS3(from), S3Location.IsS3(to)) switch
                {
                    (false, true) => UploadAsync(host, from, S3Location.Parse(to), parse.GetValue(contentType), showProgress, ct),
                    (true, false) => DownloadAsync(host, S3Location.Parse(from).RequireKey(), to, showProgress, ct),
                    _ => throw new UsageException("cp copies between a local file and S3: one side must be s3://bucket/key, the other a path or '-'."),
                },
                cancellationToken);
        });
        return command;
    }

    private static Task CopyTreeAsync(CliHost host, ParseResult parse, BulkCommandOptions shared, string from, string to, CancellationToken cancellationToken)
    {
        var line = new BulkProgressLine($"cp {from} -> {to}", host.Time);
        var options = BulkCommand.DirectoryOptions(parse, shared, host, line);
        var operation = (S3Location.IsS3(from), S3Location.IsS3(to)) switch
        {
            (false, true) => host.S3.UploadDirectoryAsync(from, S3Location.Parse(to).Bucket, S3Location.Parse(to).Key, options, cancellationToken),
            (true, false) => host.S3.DownloadDirectoryAsync(S3Location.Parse(from).Bucket, S3Location.Parse(from).Key, to, options, cancellationToken),
            _ => throw new UsageException("cp --recursive copies between a local directory and S3: one side must be s3://bucket/prefix, the other a directory."),
        };
        return BulkCommand.RunAsync(host, operation, line, cancellationToken);
    }

    private static async Task UploadAsync(
        CliHost host, string path, S3Location destination, string? contentType, bool showProgress, CancellationToken cancellationToken)
    {
        if (destination.Key.Length == 0 || destination.Key.EndsWith('/'))
        {
            destination = path == StandardStream
                ? throw new UsageException("an upload from stdin needs a key: s3://bucket/key.")
                : destination with { Key = destination.Key + Path.GetFileName(path) };
        }

        // The client's transfer settings ("S3:Transfer"), plus this object's content type.
        var options = host.TransferDefaults.Clone();
        options.ContentType = contentType;
        var progress = new ConsoleProgressBar($"upload: {path} -> {destination}", host.Time);
        var report = showProgress ? progress : null;

        TransferResult result;
        if (path == StandardStream)
        {
            // Unknown length, not seekable: read part by part into pooled buffers, whatever the size.
            await using var stdin = Console.OpenStandardInput();
            result = await host.S3.UploadAsync(destination.Bucket, destination.Key, stdin, options, report, cancellationToken);
        }
        else
        {
            result = await host.S3.UploadFileAsync(destination.Bucket, destination.Key, path, options, report, cancellationToken);
        }

        progress.Finish(result);
    }

    private static async Task DownloadAsync(CliHost host, S3Location source, string path, bool showProgress, CancellationToken cancellationToken)
    {
        if (path != StandardStream && (Directory.Exists(path) || path.EndsWith('/')))
        {
            path = Path.Combine(path, source.Key[(source.Key.LastIndexOf('/') + 1)..]);
        }

        var progress = new ConsoleProgressBar($"download: {source} -> {path}", host.Time);
        var report = showProgress ? progress : null;

        TransferResult result;
        if (path == StandardStream)
        {
            // Parallel ranged GETs, written to stdout in order.
            await using var stdout = Console.OpenStandardOutput();
            result = await host.S3.DownloadAsync(source.Bucket, source.Key, stdout, progress: report, cancellationToken: cancellationToken);
        }
        else
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            // Written to path.s3partial and moved into place only when complete.
            result = await host.S3.DownloadFileAsync(source.Bucket, source.Key, path, progress: report, cancellationToken: cancellationToken);
        }

        progress.Finish(result);
    }
}
