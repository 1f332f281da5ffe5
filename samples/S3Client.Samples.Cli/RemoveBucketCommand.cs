using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary><c>rb s3://bucket</c>: deletes an empty bucket (S3 answers 409 BucketNotEmpty otherwise).</summary>
internal static class RemoveBucketCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("bucket") { Description = "s3://bucket" };
        var command = new Command("rb", "Delete an empty bucket.") { target };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            async (host, ct) =>
            {
                var location = S3Location.Parse(parse.GetRequiredValue(target)).RequireBucketOnly();
                await host.S3.DeleteBucketAsync(location.Bucket, ct);
                await host.Out.WriteLineAsync($"remove_bucket: {location.Bucket}");
            },
            cancellationToken));
        return command;
    }
}
