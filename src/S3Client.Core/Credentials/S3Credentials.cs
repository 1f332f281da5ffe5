namespace S3Client;

/// <summary>
/// An access key pair, with an optional session token and expiry. The secret parts never appear in
/// <see cref="ToString"/>.
/// </summary>
public sealed class S3Credentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id (not secret).</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">A session token for temporary credentials, or <see langword="null"/>.</param>
    /// <param name="expiration">When temporary credentials expire, or <see langword="null"/> when they do not.</param>
    /// <exception cref="ArgumentException">The key id or secret is empty.</exception>
    public S3Credentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
    }

    /// <summary>The access key id.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key. Never logged.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or <see langword="null"/>. Never logged.</summary>
    public string? SessionToken { get; }

    /// <summary>When these credentials expire, or <see langword="null"/> if they do not.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>Returns the access key id with the secret parts redacted.</summary>
    public override string ToString() =>
        $"S3Credentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
