namespace S3Client.Bulk.Internal;

/// <summary>
/// What both directions of a directory transfer share: reporting, the failure of an entry the walk could not read,
/// dry runs of deletes, and the dispatch to the transfer or the delete of each planned step.
/// </summary>
internal abstract class DirectoryWork(DirectoryTransferOptions options, BulkItemAction transfer) : IBulkWork<DirectoryItem>
{
    protected DirectoryTransferOptions Options => options;

    public string KeyOf(DirectoryItem item) => item.Key;

    public BulkItemAction ActionOf(DirectoryItem item) => item.Action;

    public string? PathOf(DirectoryItem item) => item.Local?.FullPath;

    public long BytesInFlight(DirectoryItem item) =>
        item.Action == transfer ? ObjectUploader.BytesInFlight(transfer == BulkItemAction.Upload ? item.Local?.Length : item.Remote?.Size, options.Transfer) : 0;

    public async Task<BulkItemResult?> RunAsync(DirectoryItem item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        if (item.Local?.Error is { } error)
        {
            return new BulkItemResult(item.Key, transfer, BulkItemStatus.Failed, 0, error, item.Local.FullPath);
        }

        if (item.Action == BulkItemAction.Delete)
        {
            if (!options.DryRun)
            {
                await DeleteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            return new BulkItemResult(item.Key, BulkItemAction.Delete, options.DryRun ? BulkItemStatus.Planned : BulkItemStatus.Succeeded, 0, null, item.Local?.FullPath);
        }

        return item.Action == transfer
            ? await TransferAsync(item, cancellationToken).ConfigureAwait(false)
            : new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, item.Local?.FullPath);
    }

    /// <summary>Deletes the destination's copy of the item (not called in a dry run).</summary>
    protected abstract Task DeleteAsync(DirectoryItem item, CancellationToken cancellationToken);

    /// <summary>Compares (when asked) and transfers the item; a dry run reports it planned.</summary>
    protected abstract Task<BulkItemResult> TransferAsync(DirectoryItem item, CancellationToken cancellationToken);
}
