using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace S3Client.Fallback.Internal;

/// <summary>
/// The fallback instruments on the primary client's meter: <c>s3client.fallback.failovers</c> (tagged with the
/// endpoint that failed), <c>s3client.fallback.hedges</c> (tagged with the endpoint hedged to),
/// <c>s3client.fallback.reads</c> (by source), <c>s3client.fallback.cache.hits</c>, <c>.misses</c>, <c>.evictions</c>
/// and <c>.corrupted</c>. One per failover client; nothing static.
/// </summary>
internal sealed class FallbackMetrics
{
    private readonly Counter<long> _failovers;
    private readonly Counter<long> _hedges;
    private readonly Counter<long> _reads;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheEvictions;
    private readonly Counter<long> _cacheCorrupted;

    public FallbackMetrics(Meter meter)
    {
        _failovers = meter.CreateCounter<long>(
            "s3client.fallback.failovers", "{failover}", "Reads sent on to the next endpoint after a failure, by the endpoint that failed.");
        _hedges = meter.CreateCounter<long>("s3client.fallback.hedges", "{hedge}", "Extra requests of hedged reads, by the endpoint hedged to.");
        _reads = meter.CreateCounter<long>("s3client.fallback.reads", "{read}", "Reads of a client with fallback, by the source that served them.");
        _cacheHits = meter.CreateCounter<long>("s3client.fallback.cache.hits", "{hit}", "Reads served from the last-known-good cache.");
        _cacheMisses = meter.CreateCounter<long>("s3client.fallback.cache.misses", "{miss}", "Reads the cache was asked for and could not serve.");
        _cacheEvictions = meter.CreateCounter<long>("s3client.fallback.cache.evictions", "{eviction}", "Cached objects evicted to stay within MaxBytes.");
        _cacheCorrupted = meter.CreateCounter<long>(
            "s3client.fallback.cache.corrupted", "{file}", "Cache files that failed their integrity check and were deleted.");
    }

    public void Failover(string operation, string endpoint) => _failovers.Add(1, Tags(operation, endpoint));

    public void Hedge(string operation, string endpoint) => _hedges.Add(1, Tags(operation, endpoint));

    public void Read(string operation, string source) => _reads.Add(1, Tags(operation, source));

    public void CacheHit(string operation, string? validatedBy) => _cacheHits.Add(1, Tags(operation, validatedBy ?? S3ReadSource.CacheName));

    public void CacheMiss(string operation) => _cacheMisses.Add(1, new KeyValuePair<string, object?>("rpc.method", operation));

    public void CacheEviction() => _cacheEvictions.Add(1);

    public void CacheCorruption() => _cacheCorrupted.Add(1);

    private static TagList Tags(string operation, string endpoint) => new()
    {
        { "rpc.method", operation },
        { "s3client.endpoint", endpoint },
    };
}
