namespace S3Client;

/// <summary>
/// What a bulk operation did: counts of every outcome, bytes, time, and the failures with their exceptions (the first
/// <see cref="BulkOptions.MaxReportedFailures"/> of them; <see cref="Failed"/> is always the full count).
/// </summary>
public sealed class BulkSummary
{
    internal BulkSummary(
        long succeeded, long failed, long skipped, long cancelled, long planned, long bytes, TimeSpan elapsed,
        IReadOnlyList<BulkFailure> failures, bool wasCancelled, bool stoppedOnFailures)
    {
        Succeeded = succeeded;
        Failed = failed;
        Skipped = skipped;
        Cancelled = cancelled;
        Planned = planned;
        BytesTransferred = bytes;
        Elapsed = elapsed;
        Failures = failures;
        WasCancelled = wasCancelled;
        StoppedOnFailures = stoppedOnFailures;
    }

    /// <summary>Items transferred, copied or deleted.</summary>
    public long Succeeded { get; }

    /// <summary>Items failed after their retries (all of them, also beyond <see cref="Failures"/>).</summary>
    public long Failed { get; }

    /// <summary>Items with nothing to do (unchanged, or existing and not to be overwritten).</summary>
    public long Skipped { get; }

    /// <summary>Items that were in flight when the operation was cancelled.</summary>
    public long Cancelled { get; }

    /// <summary>Items a dry run would have transferred or deleted.</summary>
    public long Planned { get; }

    /// <summary>Bytes moved.</summary>
    public long BytesTransferred { get; }

    /// <summary>How long the operation ran.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The first failures, each with its key and exception, capped by <see cref="BulkOptions.MaxReportedFailures"/>.</summary>
    public IReadOnlyList<BulkFailure> Failures { get; }

    /// <summary>Whether the operation was cancelled: no item started after that, and in-flight items were stopped.</summary>
    public bool WasCancelled { get; }

    /// <summary>Whether the operation stopped starting items because <see cref="BulkOptions.MaxFailures"/> was reached.</summary>
    public bool StoppedOnFailures { get; }

    /// <summary>Whether every item succeeded, was skipped or planned, and the operation ran to its end.</summary>
    public bool IsSuccess => Failed == 0 && Cancelled == 0 && !WasCancelled && !StoppedOnFailures;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Succeeded} succeeded, {Failed} failed, {Skipped} skipped{(Planned > 0 ? $", {Planned} planned" : "")}{(Cancelled > 0 || WasCancelled ? $", {Cancelled} cancelled" : "")}, {BytesTransferred} bytes in {Elapsed.TotalSeconds:0.###} s";
}
