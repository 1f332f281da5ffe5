using S3Client.Credentials.Internal;


namespace S3Client;

/// <summary>
/// Credentials from a profile of the shared credentials file: <c>AWS_SHARED_CREDENTIALS_FILE</c> or
/// <c>~/.aws/credentials</c>, profile <c>AWS_PROFILE</c> or <c>default</c> (keys <c>aws_access_key_id</c>,
/// <c>aws_secret_access_key</c>, <c>aws_session_token</c>). The file is read when created and again on refresh.
/// </summary>
public sealed class S3ProfileCredentialsProvider : IS3CredentialsProvider
{
    private readonly string _path;
    private readonly string _profile;
    private S3Credentials _credentials;

    /// <summary>Reads a profile.</summary>
    /// <param name="profile">The profile; <c>AWS_PROFILE</c> or <c>default</c> when null.</param>
    /// <param name="path">The credentials file; <c>AWS_SHARED_CREDENTIALS_FILE</c> or <c>~/.aws/credentials</c> when null.</param>
    /// <exception cref="InvalidOperationException">The file or the profile or its keys are missing.</exception>
    public S3ProfileCredentialsProvider(string? profile = null, string? path = null)
    {
        _path = path ?? DefaultPath;
        _profile = profile ?? DefaultProfile;
        _credentials = SharedCredentialsFile.Read(_path, _profile)
            ?? throw new InvalidOperationException($"The shared credentials file '{_path}' has no profile '{_profile}' with aws_access_key_id and aws_secret_access_key.");
    }

    /// <summary>The profile named by <c>AWS_PROFILE</c>, or <c>default</c>.</summary>
    public static string DefaultProfile => Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } profile ? profile : "default";

    /// <summary>The file named by <c>AWS_SHARED_CREDENTIALS_FILE</c>, or <c>~/.aws/credentials</c>.</summary>
    public static string DefaultPath => Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } file
        ? file
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");

    /// <summary>Whether the default file has the default profile with keys.</summary>
    public static bool IsAvailable => SharedCredentialsFile.Read(DefaultPath, DefaultProfile) is not null;

    /// <inheritdoc />
    public ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);

    /// <inheritdoc />
    public ValueTask<S3Credentials> RefreshCredentialsAsync(CancellationToken cancellationToken = default)
    {
        _credentials = SharedCredentialsFile.Read(_path, _profile) ?? _credentials;
        return new(_credentials);
    }

    /// <inheritdoc />
    public override string ToString() => $"S3ProfileCredentialsProvider {{ Profile = {_profile}, AccessKeyId = {_credentials.AccessKeyId} }}";
}
