namespace S3Client.Bulk.Internal;

/// <summary>
/// The steps of a directory download or sync to a directory: each key is checked (<see cref="SafeLocalPath"/>) and
/// claimed (<see cref="PathCollisions"/>) before anything is written, folder markers become directories, files appear
/// complete with the object's time, and extraneous local files are deleted when asked.
/// </summary>
internal sealed class DirectoryDownloadWork(
    IS3Client client, string bucket, string root, DirectoryTransferOptions options, S3OverwritePolicy policy, PathCollisions? collisions) : IBulkWork<DirectoryItem>
{
    public string KeyOf(DirectoryItem item) => item.Key;

    public BulkItemAction ActionOf(DirectoryItem item) => item.Action;

    public string? PathOf(DirectoryItem item) => item.Local?.FullPath;

    public long BytesInFlight(DirectoryItem item) => item.Action == BulkItemAction.Download ? ObjectUploader.BytesInFlight(item.Remote?.Size, options.Transfer) : 0;

    public async Task<BulkItemResult?> RunAsync(DirectoryItem item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        if (item.Local?.Error is { } error)
        {
            return new BulkItemResult(item.Key, BulkItemAction.Download, BulkItemStatus.Failed, 0, error, item.Local.FullPath);
        }

        switch (item.Action)
        {
            case BulkItemAction.Delete:
                if (!options.DryRun)
                {
                    File.Delete(item.Local!.FullPath);
                }

                return new BulkItemResult(item.Key, BulkItemAction.Delete, options.DryRun ? BulkItemStatus.Planned : BulkItemStatus.Succeeded, 0, null, item.Local!.FullPath);
            case BulkItemAction.Download:
                return await DownloadAsync(item, item.Remote!, cancellationToken).ConfigureAwait(false);
            default:
                return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, item.Local?.FullPath);
        }
    }

    private async Task<BulkItemResult> DownloadAsync(DirectoryItem item, S3ObjectInfo remote, CancellationToken cancellationToken)
    {
        var path = SafeLocalPath.Resolve(root, item.RelativeKey);
        collisions?.Claim(item.Key, path);
        var folder = item.RelativeKey.EndsWith('/');
        if ((folder && Directory.Exists(path)) || (!folder && policy == S3OverwritePolicy.Never && Path.Exists(path)))
        {
            return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, path);
        }

        if (!folder && item.CompareFirst && item.Local is { } local
            && await ChangeDetector.FileIsCurrentAsync(client, bucket, item.Key, local, remote.Size, remote.ETag, remote.LastModified, cancellationToken).ConfigureAwait(false))
        {
            return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, path);
        }

        if (options.DryRun)
        {
            return new BulkItemResult(item.Key, BulkItemAction.Download, BulkItemStatus.Planned, 0, null, path);
        }

        if (folder)
        {
            SafeLocalPath.CreateDirectories(root, path);
            return new BulkItemResult(item.Key, BulkItemAction.Download, BulkItemStatus.Succeeded, 0, null, path);
        }

        SafeLocalPath.CreateDirectories(root, Path.GetDirectoryName(path)!);
        return await DownloadWork.WriteFileAsync(client, bucket, item.Key, path, remote.LastModified, policy, options.Transfer, cancellationToken).ConfigureAwait(false);
    }
}
