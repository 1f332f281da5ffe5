using System.CommandLine;
using System.Globalization;

namespace S3Client.Samples.Cli;

/// <summary><c>ls [bucket[/prefix]] [--recursive]</c>: the buckets, or the objects and "folders" under a prefix.</summary>
internal static class ListCommand
{
    private const string Folder = "PRE";

    public static Command Create()
    {
        var target = new Argument<string?>("target")
        {
            Description = "s3://bucket/prefix (or bucket/prefix); without it, the buckets of the account.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Every key under the prefix, not grouped by '/'." };
        var command = new Command("ls", "List buckets, or the objects of a bucket.") { target, recursive };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            (host, ct) => parse.GetValue(target) is { } text
                ? ListObjectsAsync(host, S3Location.Parse(text), parse.GetValue(recursive), ct)
                : ListBucketsAsync(host, ct),
            cancellationToken));
        return command;
    }

    private static async Task ListBucketsAsync(CliHost host, CancellationToken cancellationToken)
    {
        foreach (var bucket in await host.S3.ListBucketsAsync(cancellationToken))
        {
            await host.Out.WriteLineAsync($"{Date(bucket.CreationDate)}  {bucket.Name}");
        }
    }

    private static async Task ListObjectsAsync(CliHost host, S3Location location, bool recursive, CancellationToken cancellationToken)
    {
        var prefix = location.Key.Length == 0 ? null : location.Key;
        if (recursive)
        {
            // Pages are fetched while the lines are written: the first keys show before the listing ends.
            await foreach (var item in host.S3.ListObjectsAsync(location.Bucket, new ListObjectsOptions { Prefix = prefix }, cancellationToken))
            {
                await host.Out.WriteLineAsync(ObjectLine(item));
            }

            return;
        }

        var options = new ListObjectsOptions { Prefix = prefix, Delimiter = "/" };
        do
        {
            var page = await host.S3.ListObjectsPageAsync(location.Bucket, options, cancellationToken);
            foreach (var folder in page.CommonPrefixes)
            {
                await host.Out.WriteLineAsync($"{Folder,30} {folder}");
            }

            foreach (var item in page.Objects)
            {
                await host.Out.WriteLineAsync(ObjectLine(item));
            }

            options.ContinuationToken = page.NextContinuationToken;
        }
        while (options.ContinuationToken is not null);
    }

    private static string ObjectLine(S3ObjectInfo item) =>
        string.Create(CultureInfo.InvariantCulture, $"{Date(item.LastModified)} {item.Size,10} {item.Key}");

    private static string Date(DateTimeOffset? date) =>
        date?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "                   ";
}
