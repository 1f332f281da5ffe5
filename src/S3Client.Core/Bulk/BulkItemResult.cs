namespace S3Client;

/// <summary>The outcome of one item of a bulk operation.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Action">What was (or, in a dry run, would be) done.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Bytes">The bytes moved (0 for skipped, failed, planned, copied server-side and deleted items).</param>
/// <param name="Exception">Why it failed, when <see cref="Status"/> is <see cref="BulkItemStatus.Failed"/> or <see cref="BulkItemStatus.Cancelled"/>.</param>
/// <param name="LocalPath">The local file of a directory transfer, when there is one.</param>
public sealed record BulkItemResult(string Key, BulkItemAction Action, BulkItemStatus Status, long Bytes, Exception? Exception = null, string? LocalPath = null);
