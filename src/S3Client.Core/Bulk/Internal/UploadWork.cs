namespace S3Client.Bulk.Internal;

/// <summary>The items of <c>UploadManyAsync</c>: files or streams, with the overwrite policy.</summary>
internal sealed class UploadWork(IS3Client client, string bucket, BulkOptions options) : IBulkWork<BulkUploadItem>
{
    public string KeyOf(BulkUploadItem item) => item.Key;

    public BulkItemAction ActionOf(BulkUploadItem item) => BulkItemAction.Upload;

    public string? PathOf(BulkUploadItem item) => item.FilePath;

    public long BytesInFlight(BulkUploadItem item) => ObjectUploader.BytesInFlight(item.Length ?? FileLength(item.FilePath), item.Options ?? options.Transfer);

    public async Task<BulkItemResult?> RunAsync(BulkUploadItem item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        var transfer = item.Options ?? options.Transfer;
        var policy = options.Overwrite ?? S3OverwritePolicy.Always;
        var content = item.FilePath is { } path ? ObjectUploader.OpenRead(path) : await item.OpenContent!(cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var length = content.CanSeek ? content.Length - content.Position : item.Length;
            if (policy == S3OverwritePolicy.IfChanged && item.FilePath is { } file && length is { } size
                && await IsCurrentAsync(item.Key, file, size, cancellationToken).ConfigureAwait(false))
            {
                return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, item.FilePath);
            }

            return await ObjectUploader.UploadAsync(client, bucket, item.Key, content, length, transfer, policy == S3OverwritePolicy.Never, item.FilePath, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static long? FileLength(string? path) => path is null ? null : new FileInfo(path) is { Exists: true } file ? file.Length : 0;

    private async Task<bool> IsCurrentAsync(string key, string path, long size, CancellationToken cancellationToken)
    {
        ObjectMetadata head;
        try
        {
            head = await client.HeadObjectAsync(bucket, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (S3NotFoundException)
        {
            return false;
        }

        var local = new LocalFile(key, path, size, File.GetLastWriteTimeUtc(path));
        return await ChangeDetector.ObjectIsCurrentAsync(client, bucket, key, local, head.ContentLength, head.ETag, head.LastModified ?? DateTimeOffset.MinValue, cancellationToken)
            .ConfigureAwait(false);
    }
}
