namespace S3Client;

/// <summary>
/// A base for providers of temporary credentials (STS, web identity, instance metadata): caches the credentials,
/// fetches new ones ahead of their expiry, and lets concurrent callers share one fetch (single flight).
/// </summary>
public abstract class S3RefreshingCredentialsProvider : IS3CredentialsProvider
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshBefore;
    private readonly object _gate = new();
    private S3Credentials? _current;
    private Task<S3Credentials>? _fetch;

    /// <summary>Creates the provider.</summary>
    /// <param name="refreshBefore">How long before expiry to fetch new credentials. Default 5 minutes.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    protected S3RefreshingCredentialsProvider(TimeSpan? refreshBefore = null, TimeProvider? timeProvider = null)
    {
        _refreshBefore = refreshBefore ?? TimeSpan.FromMinutes(5);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && !IsDue(current))
        {
            return new(current);
        }

        return new(FetchOnceAsync(force: false).WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<S3Credentials> RefreshCredentialsAsync(CancellationToken cancellationToken = default) =>
        new(FetchOnceAsync(force: true).WaitAsync(cancellationToken));

    /// <summary>Fetches new credentials (with their <see cref="S3Credentials.Expiration"/>).</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The new credentials.</returns>
    protected abstract Task<S3Credentials> FetchCredentialsAsync(CancellationToken cancellationToken);

    private bool IsDue(S3Credentials credentials) =>
        credentials.Expiration is { } expiry && _timeProvider.GetUtcNow() >= expiry - _refreshBefore;

    private Task<S3Credentials> FetchOnceAsync(bool force)
    {
        lock (_gate)
        {
            if (_fetch is { IsCompleted: false } running)
            {
                return running;
            }

            if (!force && _current is { } current && !IsDue(current))
            {
                return Task.FromResult(current);
            }

            // One fetch for every caller; it is not tied to any caller's cancellation.
            _fetch = FetchAndStoreAsync();
            return _fetch;
        }
    }

    private async Task<S3Credentials> FetchAndStoreAsync()
    {
        var fresh = await FetchCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _current, fresh);
        return fresh;
    }
}
