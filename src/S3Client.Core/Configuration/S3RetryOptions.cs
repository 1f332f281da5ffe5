using System.ComponentModel.DataAnnotations;

namespace S3Client;

/// <summary>
/// Retries of transient failures: 408, 429, 500, 502, 503 (including <c>SlowDown</c>), 504, network errors and
/// attempt timeouts, with exponential backoff and decorrelated jitter. Only requests whose body can be replayed are
/// retried.
/// </summary>
public sealed class S3RetryOptions
{
    /// <summary>Retries after the first attempt (0 turns retries off). Default 4.</summary>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The median delay before the first retry; later retries grow exponentially. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts. Default 20 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The shortest delay after a throttling answer (503 <c>SlowDown</c>, 429), so that jitter never retries a
    /// throttled request almost at once. Default 1 s.
    /// </summary>
    public TimeSpan MinThrottleDelay { get; set; } = TimeSpan.FromSeconds(1);
}
