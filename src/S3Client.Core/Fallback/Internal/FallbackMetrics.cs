using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace S3Client.Fallback.Internal;

/// <summary>
/// The fallback instruments on the library's meter: <c>s3client.fallback.failovers</c> (tagged with the endpoint that
/// failed), <c>s3client.fallback.hedges</c> (tagged with the endpoint hedged to), <c>s3client.fallback.reads</c> (by
/// source), <c>s3client.fallback.cache.hits</c>, <c>.misses</c>, <c>.evictions</c> and <c>.corrupted</c>.
/// </summary>
internal static class FallbackMetrics
{
    private static readonly Counter<long> Failovers = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.failovers", "{failover}", "Reads sent on to the next endpoint after a failure, by the endpoint that failed.");

    private static readonly Counter<long> Hedges = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.hedges", "{hedge}", "Extra requests of hedged reads, by the endpoint hedged to.");

    private static readonly Counter<long> Reads = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.reads", "{read}", "Reads of a client with fallback, by the source that served them.");

    private static readonly Counter<long> CacheHits = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.cache.hits", "{hit}", "Reads served from the last-known-good cache.");

    private static readonly Counter<long> CacheMisses = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.cache.misses", "{miss}", "Reads the cache was asked for and could not serve.");

    private static readonly Counter<long> CacheEvictions = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.cache.evictions", "{eviction}", "Cached objects evicted to stay within MaxBytes.");

    private static readonly Counter<long> CacheCorrupted = S3Diagnostics.Meter.CreateCounter<long>(
        "s3client.fallback.cache.corrupted", "{file}", "Cache files that failed their integrity check and were deleted.");

    public static void Failover(string operation, string endpoint) => Failovers.Add(1, Tags(operation, endpoint));

    public static void Hedge(string operation, string endpoint) => Hedges.Add(1, Tags(operation, endpoint));

    public static void Read(string operation, string source) => Reads.Add(1, Tags(operation, source));

    public static void CacheHit(string operation, string? validatedBy) => CacheHits.Add(1, Tags(operation, validatedBy ?? S3ReadSource.CacheName));

    public static void CacheMiss(string operation) => CacheMisses.Add(1, new KeyValuePair<string, object?>("rpc.method", operation));

    public static void CacheEviction() => CacheEvictions.Add(1);

    public static void CacheCorruption() => CacheCorrupted.Add(1);

    private static TagList Tags(string operation, string endpoint) => new()
    {
        { "rpc.method", operation },
        { "s3client.endpoint", endpoint },
    };
}
