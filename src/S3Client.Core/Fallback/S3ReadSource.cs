namespace S3Client;

/// <summary>
/// Where a read was served from: the primary endpoint, a fallback endpoint (<see cref="S3FallbackEndpoint.Name"/>), or
/// the last-known-good cache. <see cref="ToString"/> returns <c>primary</c>, the endpoint's name, or <c>cache</c>.
/// </summary>
public sealed class S3ReadSource
{
    /// <summary>The name of the primary endpoint as a source: <c>primary</c>.</summary>
    public const string PrimaryName = "primary";

    /// <summary>The name of the cache as a source: <c>cache</c>.</summary>
    public const string CacheName = "cache";

    private S3ReadSource(S3ReadSourceKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>The primary endpoint (every read of a client without fallback).</summary>
    public static S3ReadSource Primary { get; } = new(S3ReadSourceKind.Primary, PrimaryName);

    /// <summary>Whether the primary, a fallback endpoint or the cache served the read.</summary>
    public S3ReadSourceKind Kind { get; }

    /// <summary><c>primary</c>, the fallback endpoint's name, or <c>cache</c>.</summary>
    public string Name { get; }

    /// <summary>For the cache: the entity tag of the cached copy.</summary>
    public string? CachedETag { get; private init; }

    /// <summary>For the cache: when the cached object was last written on the service.</summary>
    public DateTimeOffset? CachedLastModified { get; private init; }

    /// <summary>For the cache: how long ago the cached copy was fetched or last confirmed current by an endpoint.</summary>
    public TimeSpan? CacheAge { get; private init; }

    /// <summary>
    /// For the cache: the endpoint that has just confirmed the cached copy is current (<c>304 Not Modified</c> to
    /// <c>If-None-Match</c>), or null when the copy was served because no endpoint could answer.
    /// </summary>
    public string? ValidatedBy { get; private init; }

    /// <summary>A fallback endpoint as the source.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <returns>The source.</returns>
    public static S3ReadSource FromEndpoint(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(S3ReadSourceKind.Fallback, name);
    }

    /// <summary>The cache as the source.</summary>
    /// <param name="etag">The cached copy's entity tag.</param>
    /// <param name="lastModified">The cached copy's last-modified time.</param>
    /// <param name="age">How long ago the copy was fetched or confirmed current.</param>
    /// <param name="validatedBy">The endpoint that has just confirmed the copy, if any.</param>
    /// <returns>The source.</returns>
    public static S3ReadSource FromCache(string? etag, DateTimeOffset? lastModified, TimeSpan age, string? validatedBy = null) =>
        new(S3ReadSourceKind.Cache, CacheName)
        {
            CachedETag = etag,
            CachedLastModified = lastModified,
            CacheAge = age < TimeSpan.Zero ? TimeSpan.Zero : age,
            ValidatedBy = validatedBy,
        };

    /// <summary>Returns <see cref="Name"/>: <c>primary</c>, the endpoint's name, or <c>cache</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
