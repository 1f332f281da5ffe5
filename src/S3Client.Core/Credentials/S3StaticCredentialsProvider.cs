namespace S3Client;

/// <summary>Always returns the same credentials.</summary>
public sealed class S3StaticCredentialsProvider : IS3CredentialsProvider
{
    private readonly S3Credentials _credentials;

    /// <summary>Creates a provider for fixed credentials.</summary>
    /// <param name="credentials">The credentials to return.</param>
    public S3StaticCredentialsProvider(S3Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc />
    public ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);

    /// <inheritdoc />
    public override string ToString() => $"S3StaticCredentialsProvider {{ AccessKeyId = {_credentials.AccessKeyId} }}";
}
