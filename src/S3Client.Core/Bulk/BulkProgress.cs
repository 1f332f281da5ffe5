namespace S3Client;

/// <summary>How far a bulk operation is.</summary>
/// <param name="ItemsDone">Items finished, in any state (succeeded, failed, skipped, cancelled, planned).</param>
/// <param name="ItemsFailed">Items failed so far.</param>
/// <param name="ItemsTotal">All items, once the input has been read to its end; null before.</param>
/// <param name="BytesTransferred">Bytes moved by finished items.</param>
public readonly record struct BulkProgress(long ItemsDone, long ItemsFailed, long? ItemsTotal, long BytesTransferred);
