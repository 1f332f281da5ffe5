namespace S3Client.Samples.Cli;

/// <summary>A bulk command ran to its end but some items failed (each was reported); exit code 1.</summary>
internal sealed class ItemsFailedException(string message) : Exception(message);
