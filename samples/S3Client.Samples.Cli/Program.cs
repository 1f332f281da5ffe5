using System.CommandLine;
using System.CommandLine.Help;
using S3Client.Samples.Cli;

// s3cli: a small S3 command line built on S3Client, configured like an app: an optional appsettings.json next to the
// program, overridden by environment variables (S3__ServiceUrl, S3__Region, S3__AccessKeyId, S3__SecretAccessKey, ...).
// Exit codes: 0 done, 1 S3 or transfer failure (error code and request id on stderr) or any item of a bulk command
// failed, 2 usage or configuration error, 130 cancelled.
var root = new RootCommand("s3cli: list, copy, sync, delete and presign S3 objects; create and delete buckets.")
{
    ListCommand.Create(),
    CopyCommand.Create(),
    SyncCommand.Create(),
    RemoveCommand.Create(),
    PresignCommand.Create(),
    MakeBucketCommand.Create(),
    RemoveBucketCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
{
    foreach (var error in parse.Errors)
    {
        CliRunner.Error(error.Message);
    }

    CliRunner.Error("see 's3cli --help'.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
