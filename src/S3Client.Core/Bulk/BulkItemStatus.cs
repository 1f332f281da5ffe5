namespace S3Client;

/// <summary>How one item of a bulk operation ended.</summary>
public enum BulkItemStatus
{
    /// <summary>The item was transferred, copied or deleted.</summary>
    Succeeded,

    /// <summary>The item failed after its retries; <see cref="BulkItemResult.Exception"/> says why.</summary>
    Failed,

    /// <summary>Nothing needed doing: the target was unchanged, or existed and the overwrite policy forbids replacing it.</summary>
    Skipped,

    /// <summary>The item was in flight when the operation was cancelled; nothing of it was left half-written.</summary>
    Cancelled,

    /// <summary>A dry run: <see cref="BulkItemResult.Action"/> would have been done; nothing was changed.</summary>
    Planned,
}
