namespace S3Client;

/// <summary>
/// Graceful degradation of reads (<see cref="S3ClientOptions.Fallback"/>): replica endpoints tried when the primary
/// fails transiently or answers slowly, and a local last-known-good cache. Off by default: no endpoints, no cache.
/// Writes and deletes always go to the primary only.
/// </summary>
public sealed class S3FallbackOptions
{
    /// <summary>The default of <see cref="HedgeDelay"/>: 150 ms.</summary>
    public static readonly TimeSpan DefaultHedgeDelay = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// The replicas, in the order they are tried after the primary. Each is a client of its own (HTTP pipeline,
    /// signing region and credentials, retries, circuit breaker).
    /// </summary>
    public IList<S3FallbackEndpoint> Endpoints { get; set; } = [];

    /// <summary>How reads use the endpoints. Default <see cref="S3FallbackMode.Failover"/>.</summary>
    public S3FallbackMode Mode { get; set; } = S3FallbackMode.Failover;

    /// <summary>
    /// In <see cref="S3FallbackMode.Hedged"/> mode, how long a read waits for the headers of one endpoint before the
    /// same read is also sent to the next. Default 150 ms; pick about the p95 of healthy reads.
    /// </summary>
    public TimeSpan HedgeDelay { get; set; } = DefaultHedgeDelay;

    /// <summary>
    /// Whether a 404 from an endpoint sends the read on to the next one (replicas that may lag behind). Default
    /// <see langword="false"/>: a 404 is the answer.
    /// </summary>
    public bool OnNotFound { get; set; }

    /// <summary>The last-known-good cache on local disk; off while <see cref="S3FallbackCacheOptions.Directory"/> is unset.</summary>
    public S3FallbackCacheOptions Cache { get; set; } = new();

    /// <summary>Whether any fallback is configured (an endpoint or the cache).</summary>
    public bool IsEnabled => Endpoints.Count > 0 || Cache.IsEnabled;
}
