namespace S3Client.Transfer.Internal;

/// <summary>Starts multipart uploads so that a cancellation never leaves one behind, and finds one to resume.</summary>
internal static class MultipartUploads
{
    // How long starting a multipart upload may take once sent, whatever the caller's token says (see CreateAsync).
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts a multipart upload without the caller's token: a cancellation while the service is answering would
    /// otherwise lose the upload id and leave the upload behind, costing storage. The request is bounded by its own
    /// timeout instead, and an upload created after the caller cancelled is aborted at once.
    /// </summary>
    public static async Task<string> CreateAsync(IS3Client client, string bucket, string key, TransferOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var create = new CreateMultipartUploadOptions { ChecksumAlgorithm = options.ChecksumAlgorithm };
        options.CopyWriteSettingsTo(create);
        string uploadId;
        using (var bounded = new CancellationTokenSource(CreateTimeout, TimeProvider.System))
        {
            uploadId = await client.CreateMultipartUploadAsync(bucket, key, create, bounded.Token).ConfigureAwait(false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            try
            {
                await client.AbortMultipartUploadAsync(bucket, key, uploadId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is S3Exception or HttpRequestException or IOException or OperationCanceledException or TimeoutException)
            {
                // The cancellation is what the caller asked about; a lifecycle rule removes what remains.
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        return uploadId;
    }

    /// <summary>The newest multipart upload of <paramref name="key"/> and its parts, to resume; null when there is none.</summary>
    public static async Task<(string UploadId, List<S3PartInfo> Parts)?> FindLatestAsync(IS3Client client, string bucket, string key, CancellationToken cancellationToken)
    {
        S3MultipartUploadInfo? latest = null;
        await foreach (var upload in client.ListMultipartUploadsAsync(bucket, key, cancellationToken).ConfigureAwait(false))
        {
            if (upload.Key == key && (latest is null || upload.Initiated > latest.Initiated))
            {
                latest = upload;
            }
        }

        if (latest is null)
        {
            return null;
        }

        var parts = new List<S3PartInfo>();
        await foreach (var part in client.ListPartsAsync(bucket, key, latest.UploadId, cancellationToken).ConfigureAwait(false))
        {
            parts.Add(part);
        }

        return (latest.UploadId, parts);
    }
}
