using System.CommandLine;

namespace S3Client.Samples.Cli;

/// <summary>
/// <c>presign s3://bucket/key [--expires 3600] [--method GET|PUT]</c>: prints a URL that lets anyone holding it
/// download (GET) or upload (PUT) that object until it expires. Computed locally; nothing is sent.
/// </summary>
internal static class PresignCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("object") { Description = "s3://bucket/key" };
        var expires = new Option<int>("--expires") { Description = "Seconds until the URL expires, 1 to 604800 (7 days).", DefaultValueFactory = _ => 3600 };
        var method = new Option<string>("--method") { Description = "What the URL allows.", DefaultValueFactory = _ => "GET" };
        method.AcceptOnlyFromAmong("GET", "PUT");
        var command = new Command("presign", "Print a presigned URL for an object.") { target, expires, method };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(
            async (host, ct) =>
            {
                var location = S3Location.Parse(parse.GetRequiredValue(target)).RequireKey();
                var httpMethod = parse.GetValue(method) == "PUT" ? HttpMethod.Put : HttpMethod.Get;
                // An expiry outside 1 s..7 days is refused by the client (ArgumentOutOfRangeException: exit code 2).
                var url = await host.S3.GetPresignedUrlAsync(
                    location.Bucket, location.Key, httpMethod, TimeSpan.FromSeconds(parse.GetValue(expires)), cancellationToken: ct);
                await host.Out.WriteLineAsync(url.AbsoluteUri);
            },
            cancellationToken));
        return command;
    }
}
