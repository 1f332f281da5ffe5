namespace S3Client;

/// <summary>
/// The last-known-good cache (<see cref="S3FallbackOptions.Cache"/>): whole-object GETs written through to a local
/// directory and served, verified, when every endpoint fails transiently. Objects read with an SSE-C key and ranged
/// reads are never cached.
/// </summary>
public sealed class S3FallbackCacheOptions
{
    /// <summary>The default of <see cref="MaxBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>The default of <see cref="MaxObjectBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxObjectBytes = 16L << 20;

    /// <summary>
    /// The cache directory, created when missing; the cache is off while this is null. Give each application its own:
    /// files there hold object bytes, readable by whoever can read the directory.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The most bytes the directory holds; the least recently used objects are evicted beyond it. Default 1 GiB.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The largest object written to the cache. Default 16 MiB.</summary>
    public long MaxObjectBytes { get; set; } = DefaultMaxObjectBytes;

    /// <summary>Whether the cache is on (<see cref="Directory"/> is set).</summary>
    public bool IsEnabled => !string.IsNullOrEmpty(Directory);
}
