using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary><c>rm s3://bucket/key</c>: deletes an object (deleting a key that does not exist succeeds, as in S3).</summary>
internal static class RemoveCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("object") { Description = "s3://bucket/key" };
        var command = new Command("rm", "Delete an object.") { target };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            async (host, ct) =>
            {
                var location = S3Location.Parse(parse.GetRequiredValue(target)).RequireKey();
                await host.S3.DeleteObjectAsync(location.Bucket, location.Key, cancellationToken: ct);
                await host.Out.WriteLineAsync($"delete: {location}");
            },
            cancellationToken));
        return command;
    }
}
