namespace S3Client;

/// <summary>
/// Supplies the credentials used to sign each request. Called once per attempt, so an implementation that refreshes
/// temporary credentials should cache them and return quickly.
/// </summary>
public interface IS3CredentialsProvider
{
    /// <summary>Returns the current credentials.</summary>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The credentials to sign with.</returns>
    ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns fresh credentials after the service refused the current ones as expired (<c>ExpiredToken</c>). The
    /// default returns <see cref="GetCredentialsAsync"/>; refreshing providers fetch new credentials here.
    /// </summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The credentials to sign with.</returns>
    ValueTask<S3Credentials> RefreshCredentialsAsync(CancellationToken cancellationToken = default) => GetCredentialsAsync(cancellationToken);
}
