using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary>
/// <c>rm s3://bucket/key</c>: deletes an object (deleting a key that does not exist succeeds, as in S3). With
/// <c>--recursive</c>, every object under the prefix, 1000 keys per request.
/// </summary>
internal static class RemoveCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("object") { Description = "s3://bucket/key" };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Delete every object under the prefix (the whole bucket for s3://bucket)." };
        var command = new Command("rm", "Delete an object, or every object under a prefix with --recursive.") { target, recursive };
        var shared = BulkCommand.AddOptions(command, withFilters: false);
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            async (host, ct) =>
            {
                if (parse.GetValue(recursive))
                {
                    var prefix = S3Location.Parse(parse.GetRequiredValue(target));
                    var line = new BulkProgressLine($"delete {prefix}", host.Time);
                    var options = BulkCommand.DirectoryOptions(parse, shared, host, line);
                    await BulkCommand.RunAsync(host, host.S3.DeleteByPrefixAsync(prefix.Bucket, prefix.Key, options, ct), line, ct);
                    return;
                }

                var location = S3Location.Parse(parse.GetRequiredValue(target)).RequireKey();
                await host.S3.DeleteObjectAsync(location.Bucket, location.Key, cancellationToken: ct);
                await host.Out.WriteLineAsync($"delete: {location}");
            },
            cancellationToken));
        return command;
    }
}
