namespace S3Client.Bulk.Internal;

/// <summary>The items of <c>DownloadManyAsync</c>: into files (complete or not at all) or streams.</summary>
internal sealed class DownloadWork(IS3Client client, string bucket, BulkOptions options) : IBulkWork<BulkDownloadItem>
{
    public string KeyOf(BulkDownloadItem item) => item.Key;

    public BulkItemAction ActionOf(BulkDownloadItem item) => BulkItemAction.Download;

    public string? PathOf(BulkDownloadItem item) => item.FilePath;

    public long BytesInFlight(BulkDownloadItem item) => ObjectUploader.BytesInFlight(item.Length, options.Transfer);

    public async Task<BulkItemResult?> RunAsync(BulkDownloadItem item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        if (item.FilePath is not { } path)
        {
            var destination = await item.OpenDestination!(cancellationToken).ConfigureAwait(false);
            await using (destination.ConfigureAwait(false))
            {
                var result = await client.DownloadAsync(bucket, item.Key, destination, options.Transfer, null, cancellationToken).ConfigureAwait(false);
                return new BulkItemResult(item.Key, BulkItemAction.Download, BulkItemStatus.Succeeded, result.Size);
            }
        }

        var policy = options.Overwrite ?? S3OverwritePolicy.Always;
        path = Path.GetFullPath(path);
        if (policy == S3OverwritePolicy.Never && Path.Exists(path))
        {
            return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, path);
        }

        if (policy == S3OverwritePolicy.IfChanged && File.Exists(path))
        {
            var head = await client.HeadObjectAsync(bucket, item.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            var file = new FileInfo(path);
            if (await ChangeDetector.FileIsCurrentAsync(client, bucket, item.Key, new LocalFile(item.Key, path, file.Length, file.LastWriteTimeUtc),
                head.ContentLength, head.ETag, head.LastModified ?? DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false))
            {
                return new BulkItemResult(item.Key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, path);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await WriteFileAsync(client, bucket, item.Key, path, null, policy, options.Transfer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads an object into a file that appears only complete, with the object's time when known.</summary>
    public static async Task<BulkItemResult> WriteFileAsync(
        IS3Client client, string bucket, string key, string path, DateTimeOffset? lastModified, S3OverwritePolicy policy, TransferOptions? transfer,
        CancellationToken cancellationToken)
    {
        long size = 0;
        var written = await AtomicFileWriter.WriteAsync(path, async (stream, ct) =>
        {
            var result = await client.DownloadAsync(bucket, key, stream, transfer, null, ct).ConfigureAwait(false);
            size = result.Size;
        }, lastModified, overwrite: policy != S3OverwritePolicy.Never, cancellationToken).ConfigureAwait(false);
        return written
            ? new BulkItemResult(key, BulkItemAction.Download, BulkItemStatus.Succeeded, size, null, path)
            : new BulkItemResult(key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, path);
    }
}
