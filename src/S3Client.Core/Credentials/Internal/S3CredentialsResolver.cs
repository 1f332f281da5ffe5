namespace S3Client.Credentials.Internal;

/// <summary>Picks the credentials provider the options describe: fixed keys first, then the configured provider.</summary>
internal static class S3CredentialsResolver
{
    public static IS3CredentialsProvider Resolve(S3ClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return new S3StaticCredentialsProvider(new S3Credentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken));
        }

        return options.CredentialsProvider
            ?? throw new InvalidOperationException("No S3 credentials: set AccessKeyId and SecretAccessKey, or a CredentialsProvider, in the S3 options.");
    }
}
