namespace S3Client.Bulk.Internal;

/// <summary>
/// The steps of a directory download or sync to a directory: each key is checked (<see cref="SafeLocalPath"/>) and
/// claimed (<see cref="PathCollisions"/>) before anything is written, folder markers become directories, files appear
/// complete with the object's time, and extraneous local files are deleted when asked.
/// </summary>
internal sealed class DirectoryDownloadWork(
    IS3Client client, string bucket, string root, DirectoryTransferOptions options, S3OverwritePolicy policy, PathCollisions? collisions)
    : DirectoryWork(options, BulkItemAction.Download)
{
    protected override Task DeleteAsync(DirectoryItem item, CancellationToken cancellationToken)
    {
        File.Delete(item.Local!.FullPath);
        return Task.CompletedTask;
    }

    protected override async Task<BulkItemResult> TransferAsync(DirectoryItem item, CancellationToken cancellationToken)
    {
        var remote = item.Remote!;
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

        if (Options.DryRun)
        {
            return new BulkItemResult(item.Key, BulkItemAction.Download, BulkItemStatus.Planned, 0, null, path);
        }

        if (folder)
        {
            SafeLocalPath.CreateDirectories(root, path);
            return new BulkItemResult(item.Key, BulkItemAction.Download, BulkItemStatus.Succeeded, 0, null, path);
        }

        SafeLocalPath.CreateDirectories(root, Path.GetDirectoryName(path)!);
        return await DownloadWork.WriteFileAsync(client, bucket, item.Key, path, remote.LastModified, policy, Options.Transfer, cancellationToken).ConfigureAwait(false);
    }
}
