namespace S3Client;

/// <summary>
/// How a bulk operation runs: items in flight, bytes in flight, retries of failed items, when to stop, progress and
/// what existing targets get. One instance may be shared by several operations.
/// </summary>
public class BulkOptions
{
    /// <summary>Items in flight at once, 1 to 1024. Default 16.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// The bytes-in-flight limit the items share (see <see cref="S3TransferBudget"/>); share one instance to bound
    /// several operations together. Default null: a budget of 256 MiB for this operation alone.
    /// </summary>
    public S3TransferBudget? Budget { get; set; }

    /// <summary>
    /// Attempts per item, 1 to 100, for failures that may pass (5xx, throttling, timeouts, network errors), on top of
    /// the retries the client's pipeline makes for each request. Default 3.
    /// </summary>
    public int MaxItemAttempts { get; set; } = 3;

    /// <summary>The wait before an item's second attempt, doubled for each further attempt (with up to 50 % jitter). Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After this many failed items no further item starts (items in flight finish); 1 stops on the first failure.
    /// Default null: every item is tried.
    /// </summary>
    public int? MaxFailures { get; set; }

    /// <summary>The most failures kept in <see cref="BulkSummary.Failures"/> (the count is always complete). Default 1000.</summary>
    public int MaxReportedFailures { get; set; } = 1000;

    /// <summary>What an existing target gets. Default <see cref="S3OverwritePolicy.Always"/> (syncs use <see cref="S3OverwritePolicy.IfChanged"/>).</summary>
    public S3OverwritePolicy? Overwrite { get; set; }

    /// <summary>
    /// How each large item is moved (multipart threshold, part size, part concurrency) and what uploads are stored
    /// with; the client's transfer defaults when null.
    /// </summary>
    public TransferOptions? Transfer { get; set; }

    /// <summary>Receives item and byte counts, at most every 100 ms, and once at the end.</summary>
    public IProgress<BulkProgress>? Progress { get; set; }

    /// <summary>The clock for retry delays, progress throttling and <see cref="BulkSummary.Elapsed"/>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
