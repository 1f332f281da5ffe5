namespace S3Client.Bulk.Internal;

/// <summary>
/// The steps of a directory upload or sync to a bucket: upload (after a comparison when syncing), delete extraneous
/// objects, skip. Each uploaded object records the file's modification time in <c>s3client-mtime</c> metadata.
/// </summary>
internal sealed class DirectoryUploadWork(IS3Client client, string bucket, DirectoryTransferOptions options, S3OverwritePolicy policy)
    : DirectoryWork(options, BulkItemAction.Upload)
{
    protected override Task DeleteAsync(DirectoryItem item, CancellationToken cancellationToken) =>
        client.DeleteObjectAsync(bucket, item.Key, cancellationToken: cancellationToken);

    protected override async Task<BulkItemResult> TransferAsync(DirectoryItem item, CancellationToken cancellationToken)
    {
        var local = item.Local!;
        if (item.CompareFirst && item.Remote is { } remote
            && await ChangeDetector.ObjectIsCurrentAsync(client, bucket, item.Key, local, remote.Size, remote.ETag, remote.LastModified, cancellationToken).ConfigureAwait(false))
        {
            return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, local.FullPath);
        }

        if (Options.DryRun)
        {
            return new BulkItemResult(item.Key, BulkItemAction.Upload, BulkItemStatus.Planned, 0, null, local.FullPath);
        }

        var transfer = Options.Transfer?.Clone() ?? new TransferOptions();
        var content = ObjectUploader.OpenRead(local.FullPath);
        await using (content.ConfigureAwait(false))
        {
            transfer.Metadata[ChangeDetector.MtimeMetadata] = ChangeDetector.MtimeValue(File.GetLastWriteTimeUtc(local.FullPath));
            return await ObjectUploader.UploadAsync(client, bucket, item.Key, content, content.Length, transfer, policy == S3OverwritePolicy.Never, local.FullPath, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
