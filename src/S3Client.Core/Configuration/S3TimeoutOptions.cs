using System.ComponentModel.DataAnnotations;

namespace S3Client;

/// <summary>
/// Timeouts suited to data transfers: an attempt timeout to response headers that grows with the size of the
/// request body, and an optional overall limit per operation.
/// </summary>
public sealed class S3TimeoutOptions
{
    /// <summary>
    /// The longest wait for response headers of one attempt without a body (or once a body is sent). Default 60 s.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The slowest upload speed, in bytes per second, that an attempt with a body is allowed before it times out;
    /// the attempt timeout is <see cref="AttemptTimeout"/> plus the body length divided by this. Default 64 KiB/s.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MinUploadBytesPerSecond { get; set; } = 64 * 1024;

    /// <summary>
    /// The longest time a request or response body may go without moving a byte before the transfer fails with a
    /// <see cref="TimeoutException"/>: a stalled body fails, a slow but steady one does not. Default 60 s.
    /// </summary>
    public TimeSpan ReadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The limit on one whole operation, all attempts and delays included; <see langword="null"/> (the default) means
    /// none, so that a large transfer is bounded only by its attempts.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; }
}
