namespace S3Client.Bulk.Internal;

/// <summary>
/// Stores one item of a bulk upload: create-only with <c>If-None-Match: *</c> below the multipart threshold when
/// existing objects must stay (an existing one makes the item skipped), otherwise through the client's transfer path.
/// </summary>
internal static class ObjectUploader
{
    private static readonly TransferOptions Defaults = new();

    public static async Task<BulkItemResult> UploadAsync(
        IS3Client client, string bucket, string key, Stream content, long? length, TransferOptions? transfer, bool createOnly, string? localPath,
        CancellationToken cancellationToken)
    {
        if (createOnly)
        {
            if (length is { } size && size < (transfer ?? Defaults).MultipartThreshold)
            {
                var put = new PutObjectOptions { ContentLength = size, IfNoneMatchAny = true };
                transfer?.CopyWriteSettingsTo(put);
                try
                {
                    await client.PutObjectAsync(bucket, key, content, put, cancellationToken).ConfigureAwait(false);
                }
                catch (S3PreconditionFailedException)
                {
                    return new BulkItemResult(key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, localPath);
                }

                return new BulkItemResult(key, BulkItemAction.Upload, BulkItemStatus.Succeeded, size, null, localPath);
            }

            // Parts cannot be made create-only everywhere: check first (a writer in between can still win).
            if (await ExistsAsync(client, bucket, key, cancellationToken).ConfigureAwait(false))
            {
                return new BulkItemResult(key, BulkItemAction.None, BulkItemStatus.Skipped, 0, null, localPath);
            }
        }

        var result = await client.UploadAsync(bucket, key, content, transfer, null, cancellationToken).ConfigureAwait(false);
        return new BulkItemResult(key, BulkItemAction.Upload, BulkItemStatus.Succeeded, result.Size, null, localPath);
    }

    public static async Task<bool> ExistsAsync(IS3Client client, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.HeadObjectAsync(bucket, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (S3NotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The bytes an item holds in flight: its size below the multipart threshold, part size times part concurrency above
    /// it (what the transfer buffers), and that bound too when the size is unknown.
    /// </summary>
    public static long BytesInFlight(long? size, TransferOptions? transfer)
    {
        var options = transfer ?? Defaults;
        var parts = options.PartSize * options.MaxConcurrency;
        return size is { } known && known < options.MultipartThreshold ? known : Math.Min(size ?? parts, parts);
    }

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
