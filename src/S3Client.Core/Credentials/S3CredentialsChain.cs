namespace S3Client;

/// <summary>
/// The default credentials chain: keys in the options, the options' provider, the <c>AWS_*</c> environment variables,
/// then the shared credentials file profile; and the region likewise. Used by the client and its signing handler.
/// </summary>
public static class S3CredentialsChain
{
    /// <summary>Returns the first source of credentials that has them.</summary>
    /// <param name="options">The client settings.</param>
    /// <returns>The provider to sign with.</returns>
    /// <exception cref="InvalidOperationException">No source has credentials; the message lists every place looked at.</exception>
    public static IS3CredentialsProvider Resolve(S3ClientOptions options) =>
        TryResolve(options) ?? throw new InvalidOperationException(NoCredentialsMessage);

    /// <summary>The message of a client that has no credentials: every place looked at, and what to set.</summary>
    internal static string NoCredentialsMessage =>
        "No S3 credentials found. Looked in: the AccessKeyId/SecretAccessKey options, the CredentialsProvider option, " +
        "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables, and profile '" + S3ProfileCredentialsProvider.DefaultProfile +
        "' of '" + S3ProfileCredentialsProvider.DefaultPath + "'. Set one of them (keep secrets out of appsettings.json in source control).";

    /// <summary>The first source of credentials that has them, or null when none has.</summary>
    internal static IS3CredentialsProvider? TryResolve(S3ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return new S3StaticCredentialsProvider(new S3Credentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken));
        }

        if (options.CredentialsProvider is { } provider)
        {
            return provider;
        }

        if (S3EnvironmentCredentialsProvider.IsAvailable)
        {
            return new S3EnvironmentCredentialsProvider();
        }

        if (S3ProfileCredentialsProvider.IsAvailable)
        {
            return new S3ProfileCredentialsProvider();
        }

        return null;
    }

    /// <summary>The region: the options', then <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>.</summary>
    /// <param name="options">The client settings.</param>
    /// <returns>The region to sign for.</returns>
    public static string ResolveRegion(S3ClientOptions options) =>
        !string.IsNullOrWhiteSpace(options.Region) ? options.Region
        : Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region
        : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } fallback ? fallback
        : "us-east-1";
}
