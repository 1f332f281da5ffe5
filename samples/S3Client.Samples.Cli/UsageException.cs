namespace S3Client.Samples.Cli;

/// <summary>The command line asks for something s3cli cannot do; reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
