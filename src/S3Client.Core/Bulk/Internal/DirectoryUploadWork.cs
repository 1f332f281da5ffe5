namespace S3Client.Bulk.Internal;

/// <summary>
/// The steps of a directory upload or sync to a bucket: upload (after a comparison when syncing), delete extraneous
/// objects, skip. Each uploaded object records the file's modification time in <c>s3client-mtime</c> metadata.
/// </summary>
internal sealed class DirectoryUploadWork(IS3Client client, string bucket, DirectoryTransferOptions options, S3OverwritePolicy policy) : IBulkWork<DirectoryItem>
{
    public string KeyOf(DirectoryItem item) => item.Key;

    public BulkItemAction ActionOf(DirectoryItem item) => item.Action;

    public string? PathOf(DirectoryItem item) => item.Local?.FullPath;

    public long BytesInFlight(DirectoryItem item) => item.Action == BulkItemAction.Upload ? ObjectUploader.BytesInFlight(item.Local?.Length, options.Transfer) : 0;

    public async Task<BulkItemResult?> RunAsync(DirectoryItem item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        if (item.Local?.Error is { } error)
        {
            return new BulkItemResult(item.Key, BulkItemAction.Upload, BulkItemStatus.Failed, 0, error, item.Local.FullPath);
        }

        switch (item.Action)
        {
            case BulkItemAction.Delete:
                if (!options.DryRun)
                {
                    await client.DeleteObjectAsync(bucket, item.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return new BulkItemResult(item.Key, BulkItemAction.Delete, options.DryRun ? BulkItemStatus.Planned : BulkItemStatus.Succeeded, 0);
            case BulkItemAction.Upload:
                return await UploadAsync(item, item.Local!, cancellationToken).ConfigureAwait(false);
            default:
                return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, item.Local?.FullPath);
        }
    }

    private async Task<BulkItemResult> UploadAsync(DirectoryItem item, LocalFile local, CancellationToken cancellationToken)
    {
        if (item.CompareFirst && item.Remote is { } remote
            && await ChangeDetector.ObjectIsCurrentAsync(client, bucket, item.Key, local, remote.Size, remote.ETag, remote.LastModified, cancellationToken).ConfigureAwait(false))
        {
            return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, local.FullPath);
        }

        if (options.DryRun)
        {
            return new BulkItemResult(item.Key, BulkItemAction.Upload, BulkItemStatus.Planned, 0, null, local.FullPath);
        }

        var transfer = options.Transfer?.Clone() ?? new TransferOptions();
        var content = ObjectUploader.OpenRead(local.FullPath);
        await using (content.ConfigureAwait(false))
        {
            transfer.Metadata[ChangeDetector.MtimeMetadata] = ChangeDetector.MtimeValue(File.GetLastWriteTimeUtc(local.FullPath));
            return await ObjectUploader.UploadAsync(client, bucket, item.Key, content, content.Length, transfer, policy == S3OverwritePolicy.Never, local.FullPath, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
