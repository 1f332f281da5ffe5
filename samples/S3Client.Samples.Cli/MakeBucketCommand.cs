using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary><c>mb s3://bucket</c>: creates a bucket.</summary>
internal static class MakeBucketCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("bucket") { Description = "s3://bucket" };
        var command = new Command("mb", "Create a bucket.") { target };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            async (host, ct) =>
            {
                var location = S3Location.Parse(parse.GetRequiredValue(target)).RequireBucketOnly();
                await host.S3.CreateBucketAsync(location.Bucket, cancellationToken: ct);
                await host.Out.WriteLineAsync($"make_bucket: {location.Bucket}");
            },
            cancellationToken));
        return command;
    }
}
