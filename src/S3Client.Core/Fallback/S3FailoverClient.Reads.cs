using System.Runtime.CompilerServices;
using S3Client.Fallback.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Reads: routed through the endpoints (and the cache for whole-object GETs and HEADs).</content>
public sealed partial class S3FailoverClient
{
    /// <inheritdoc />
    public Task<GetObjectResult> GetObjectAsync(string bucket, string key, GetObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        return GetObjectCoreAsync(bucket, key, options, revalidate: true, cancellationToken);
    }

    private async Task<GetObjectResult> GetObjectCoreAsync(string bucket, string key, GetObjectOptions? options, bool revalidate, CancellationToken cancellationToken)
    {
        var cache = IsWholeAndPlain(options) ? _cache : null;
        var versionId = options?.VersionId;
        var cachedETag = revalidate ? cache?.PeekETag(bucket, key, versionId) : null;
        var sent = cachedETag is null ? options : new GetObjectOptions { VersionId = versionId, IfNoneMatch = cachedETag };

        var (result, source) = await ReadAsync<GetObjectResult?>(
            "GetObject",
            bucket,
            (client, name, token) => GetFromAsync(client, name, bucket, key, sent, revalidating: cachedETag is not null, token),
            hedge: true,
            cancellationToken,
            release: r => r?.Dispose(),
            whenExhausted: e => ServeCached("GetObject", cache, e, bucket, key, versionId)).ConfigureAwait(false);

        if (result is null)
        {
            // 304 to If-None-Match: the cached copy is current, if it is still the copy whose tag was sent. Should it
            // fail its check now, or have been replaced meanwhile (by another process), fetch the object again, once.
            Log.CacheRevalidated(_logger, "GetObject", bucket, source.Name);
            var cached = cache!.TryOpen(bucket, key, versionId, validatedBy: source.Name, validatedETag: cachedETag);
            if (cached is not null)
            {
                _metrics.CacheHit("GetObject", source.Name);
                return cached;
            }

            return await GetObjectCoreAsync(bucket, key, options, revalidate: false, cancellationToken).ConfigureAwait(false);
        }

        if (cache is not null && result.ContentLength is { } length && length <= cache.MaxObjectBytes && result.ContentRange is null)
        {
            return result.With(cache.WriteThrough(bucket, key, versionId, result), source);
        }

        return source.Kind == S3ReadSourceKind.Primary ? result : result.With(result.Content, source);
    }

    /// <inheritdoc />
    public async Task<ObjectMetadata> HeadObjectAsync(string bucket, string key, HeadObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        var cache = options is null || (options.CustomerKey is null && !HasConditions(options)) ? _cache : null;
        var (metadata, source) = await ReadAsync(
            "HeadObject",
            bucket,
            (client, _, token) => client.HeadObjectAsync(bucket, key, options, token),
            hedge: true,
            cancellationToken,
            whenExhausted: e =>
            {
                using var cached = ServeCached("HeadObject", cache, e, bucket, key, options?.VersionId)?.Item1;
                return cached is null ? null : (cached.Properties, cached.Source);
            }).ConfigureAwait(false);
        return source.Kind == S3ReadSourceKind.Primary ? metadata : metadata.WithSource(source);
    }

    /// <inheritdoc />
    public async Task<ListObjectsPage> ListObjectsPageAsync(string bucket, ListObjectsOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync("ListObjectsV2", bucket, (client, _, token) => client.ListObjectsPageAsync(bucket, options, token), hedge: true, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    /// <remarks>The endpoint that serves the first page serves the rest: continuation tokens belong to one service.</remarks>
    public IAsyncEnumerable<S3ObjectInfo> ListObjectsAsync(string bucket, ListObjectsOptions? options = null, CancellationToken cancellationToken = default) =>
        EnumerateAsync("ListObjectsV2", bucket, client => client.ListObjectsAsync(bucket, options, cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <remarks>The endpoint that serves the first page serves the rest: key markers belong to one service.</remarks>
    public IAsyncEnumerable<S3ObjectVersion> ListObjectVersionsAsync(string bucket, string? prefix = null, CancellationToken cancellationToken = default) =>
        EnumerateAsync("ListObjectVersions", bucket, client => client.ListObjectVersionsAsync(bucket, prefix, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<S3BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync("ListBuckets", null, (client, _, token) => client.ListBucketsAsync(token), hedge: true, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public async Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) =>
        (await ReadAsync("HeadBucket", bucket, (client, _, token) => client.BucketExistsAsync(bucket, token), hedge: true, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> GetObjectTagsAsync(string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync("GetObjectTagging", bucket, (client, _, token) => client.GetObjectTagsAsync(bucket, key, versionId, token), hedge: true, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public async Task<S3VersioningStatus> GetBucketVersioningAsync(string bucket, CancellationToken cancellationToken = default) =>
        (await ReadAsync("GetBucketVersioning", bucket, (client, _, token) => client.GetBucketVersioningAsync(bucket, token), hedge: true, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One endpoint's GET; a part pinned by If-Match that comes back with another entity tag is that endpoint's failure.</summary>
    private static async Task<GetObjectResult?> GetFromAsync(
        IS3Client client, string name, string bucket, string key, GetObjectOptions? options, bool revalidating, CancellationToken cancellationToken)
    {
        GetObjectResult result;
        try
        {
            result = await client.GetObjectAsync(bucket, key, options, cancellationToken).ConfigureAwait(false);
        }
        catch (S3NotModifiedException) when (revalidating)
        {
            return null;
        }

        if (options?.IfMatch is { } pinned && !SameETag(pinned, result.ETag))
        {
            var actual = result.ETag;
            await result.DisposeAsync().ConfigureAwait(false);
            throw new MismatchedVersionException(name, pinned, actual);
        }

        return result;
    }

    private (GetObjectResult?, S3ReadSource)? ServeCached(string operation, LastKnownGoodCache? cache, FallbackExhaustedException failure, string bucket, string key, string? versionId)
    {
        if (cache is null || !failure.AllTransient)
        {
            return null;
        }

        var cached = cache.TryOpen(bucket, key, versionId, validatedBy: null);
        if (cached is null)
        {
            _metrics.CacheMiss(operation);
            return null;
        }

        _metrics.CacheHit(operation, null);
        Log.ServedFromCache(_logger, operation, bucket, cached.ETag, cached.Source.CacheAge?.TotalSeconds ?? 0);
        return (cached, cached.Source);
    }

    private async IAsyncEnumerable<T> EnumerateAsync<T>(
        string operation, string bucket, Func<IS3Client, IAsyncEnumerable<T>> list, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The first page is routed like any read; the enumerator that served it is kept for the rest.
        var (enumerator, _) = await ReadAsync(
            operation,
            bucket,
            async (client, _, token) =>
            {
                var pages = list(client).GetAsyncEnumerator(token);
                try
                {
                    return (pages, await pages.MoveNextAsync().ConfigureAwait(false));
                }
                catch
                {
                    await pages.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            },
            hedge: false,
            cancellationToken,
            release: e => _ = e.pages.DisposeAsync().AsTask()).ConfigureAwait(false);

        await using (enumerator.pages.ConfigureAwait(false))
        {
            for (var more = enumerator.Item2; more; more = await enumerator.pages.MoveNextAsync().ConfigureAwait(false))
            {
                yield return enumerator.pages.Current;
            }
        }
    }

    private static bool IsWholeAndPlain(GetObjectOptions? options) =>
        options is null || (options.Range is null && options.CustomerKey is null && !HasConditions(options));

    private static bool HasConditions(S3ReadConditions conditions) =>
        conditions.IfMatch is not null || conditions.IfNoneMatch is not null || conditions.IfModifiedSince is not null || conditions.IfUnmodifiedSince is not null;

    private static bool SameETag(string expected, string? actual) =>
        actual is not null && expected.Trim().Trim('"').Equals(actual.Trim().Trim('"'), StringComparison.Ordinal);
}
