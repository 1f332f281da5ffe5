namespace S3Client;

/// <summary>A bucket of the account.</summary>
/// <param name="Name">The bucket name.</param>
/// <param name="CreationDate">When it was created, as the service reports it.</param>
public sealed record S3BucketInfo(string Name, DateTimeOffset? CreationDate);
