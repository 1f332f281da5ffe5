namespace S3Client;

/// <summary>
/// Credentials from the standard environment variables <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and
/// <c>AWS_SESSION_TOKEN</c>, read when created and again on refresh.
/// </summary>
public sealed class S3EnvironmentCredentialsProvider : IS3CredentialsProvider
{
    /// <summary>The access key id variable.</summary>
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    /// <summary>The secret access key variable.</summary>
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The session token variable.</summary>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    private S3Credentials _credentials;

    /// <summary>Reads the variables.</summary>
    /// <exception cref="InvalidOperationException">The access key id or the secret is not set.</exception>
    public S3EnvironmentCredentialsProvider()
    {
        _credentials = Read() ?? throw new InvalidOperationException($"{AccessKeyIdVariable} and {SecretAccessKeyVariable} are not both set.");
    }

    /// <summary>Whether the access key id and secret variables are both set.</summary>
    public static bool IsAvailable => Read() is not null;

    /// <inheritdoc />
    public ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);

    /// <inheritdoc />
    public ValueTask<S3Credentials> RefreshCredentialsAsync(CancellationToken cancellationToken = default)
    {
        _credentials = Read() ?? _credentials;
        return new(_credentials);
    }

    /// <inheritdoc />
    public override string ToString() => $"S3EnvironmentCredentialsProvider {{ AccessKeyId = {_credentials.AccessKeyId} }}";

    private static S3Credentials? Read()
    {
        var keyId = Environment.GetEnvironmentVariable(AccessKeyIdVariable);
        var secret = Environment.GetEnvironmentVariable(SecretAccessKeyVariable);
        return string.IsNullOrWhiteSpace(keyId) || string.IsNullOrEmpty(secret)
            ? null
            : new S3Credentials(keyId, secret, Environment.GetEnvironmentVariable(SessionTokenVariable));
    }
}
