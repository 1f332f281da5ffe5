namespace S3Client;

/// <content>
/// Writes, deletes, multipart calls and presigned URLs: the primary only, never failed over (a write to a replica would
/// split the data). A successful change of an object drops its cached copy.
/// </content>
public sealed partial class S3FailoverClient
{
    /// <inheritdoc />
    public async Task<PutObjectResult> PutObjectAsync(string bucket, string key, Stream content, PutObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await _primary.PutObjectAsync(bucket, key, content, options, cancellationToken).ConfigureAwait(false);
        _cache?.Remove(bucket, key);
        return result;
    }

    /// <inheritdoc />
    public async Task DeleteObjectAsync(string bucket, string key, DeleteObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _primary.DeleteObjectAsync(bucket, key, options, cancellationToken).ConfigureAwait(false);
        _cache?.Remove(bucket, key);
    }

    /// <inheritdoc />
    public async Task<DeleteObjectsResult> DeleteObjectsAsync(string bucket, IEnumerable<S3ObjectIdentifier> objects, DeleteObjectsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = objects as IReadOnlyCollection<S3ObjectIdentifier> ?? [.. objects ?? throw new ArgumentNullException(nameof(objects))];
        var result = await _primary.DeleteObjectsAsync(bucket, list, options, cancellationToken).ConfigureAwait(false);
        foreach (var item in list)
        {
            _cache?.Remove(bucket, item.Key);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<CopyObjectResult> CopyObjectAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CopyObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await _primary.CopyObjectAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, options, cancellationToken).ConfigureAwait(false);
        _cache?.Remove(destinationBucket, destinationKey);
        return result;
    }

    /// <inheritdoc />
    public async Task<CompleteMultipartUploadResult> CompleteMultipartUploadAsync(string bucket, string key, string uploadId, IEnumerable<S3CompletedPart> parts, CancellationToken cancellationToken = default)
    {
        var result = await _primary.CompleteMultipartUploadAsync(bucket, key, uploadId, parts, cancellationToken).ConfigureAwait(false);
        _cache?.Remove(bucket, key);
        return result;
    }

    /// <inheritdoc />
    public Task CreateBucketAsync(string bucket, CreateBucketOptions? options = null, CancellationToken cancellationToken = default) =>
        _primary.CreateBucketAsync(bucket, options, cancellationToken);

    /// <inheritdoc />
    public Task DeleteBucketAsync(string bucket, CancellationToken cancellationToken = default) => _primary.DeleteBucketAsync(bucket, cancellationToken);

    /// <inheritdoc />
    public Task<string> CreateMultipartUploadAsync(string bucket, string key, CreateMultipartUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        _primary.CreateMultipartUploadAsync(bucket, key, options, cancellationToken);

    /// <inheritdoc />
    public Task<UploadPartResult> UploadPartAsync(string bucket, string key, string uploadId, int partNumber, Stream content, UploadPartOptions? options = null, CancellationToken cancellationToken = default) =>
        _primary.UploadPartAsync(bucket, key, uploadId, partNumber, content, options, cancellationToken);

    /// <inheritdoc />
    public Task<UploadPartResult> UploadPartCopyAsync(string bucket, string key, string uploadId, int partNumber, string sourceBucket, string sourceKey, UploadPartCopyOptions? options = null, CancellationToken cancellationToken = default) =>
        _primary.UploadPartCopyAsync(bucket, key, uploadId, partNumber, sourceBucket, sourceKey, options, cancellationToken);

    /// <inheritdoc />
    public Task AbortMultipartUploadAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken = default) =>
        _primary.AbortMultipartUploadAsync(bucket, key, uploadId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<S3PartInfo> ListPartsAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken = default) =>
        _primary.ListPartsAsync(bucket, key, uploadId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<S3MultipartUploadInfo> ListMultipartUploadsAsync(string bucket, string? prefix = null, CancellationToken cancellationToken = default) =>
        _primary.ListMultipartUploadsAsync(bucket, prefix, cancellationToken);

    /// <inheritdoc />
    public Task<Uri> GetPresignedUrlAsync(string bucket, string key, HttpMethod method, TimeSpan expiresIn, PresignOptions? options = null, CancellationToken cancellationToken = default) =>
        _primary.GetPresignedUrlAsync(bucket, key, method, expiresIn, options, cancellationToken);

    /// <inheritdoc />
    public Task PutObjectTagsAsync(string bucket, string key, IDictionary<string, string> tags, string? versionId = null, CancellationToken cancellationToken = default) =>
        _primary.PutObjectTagsAsync(bucket, key, tags, versionId, cancellationToken);

    /// <inheritdoc />
    public Task DeleteObjectTagsAsync(string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default) =>
        _primary.DeleteObjectTagsAsync(bucket, key, versionId, cancellationToken);

    /// <inheritdoc />
    public Task SetBucketVersioningAsync(string bucket, bool enabled, CancellationToken cancellationToken = default) =>
        _primary.SetBucketVersioningAsync(bucket, enabled, cancellationToken);

    /// <inheritdoc />
    public async Task<TransferResult> UploadAsync(string bucket, string key, Stream content, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = await _primary.UploadAsync(bucket, key, content, options, progress, cancellationToken).ConfigureAwait(false);
        _cache?.Remove(bucket, key);
        return result;
    }

    /// <inheritdoc />
    public async Task<TransferResult> UploadFileAsync(string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = await _primary.UploadFileAsync(bucket, key, filePath, options, progress, cancellationToken).ConfigureAwait(false);
        _cache?.Remove(bucket, key);
        return result;
    }

    /// <inheritdoc />
    /// <remarks>Every part is a routed GET pinned to the first part's entity tag, so parts from any endpoint are the same version.</remarks>
    public Task<TransferResult> DownloadAsync(string bucket, string key, Stream destination, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _transfers.DownloadAsync(bucket, key, destination, options, progress, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Every part is a routed GET pinned to the first part's entity tag, so parts from any endpoint are the same version.</remarks>
    public Task<TransferResult> DownloadFileAsync(string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _transfers.DownloadFileAsync(bucket, key, filePath, options, progress, cancellationToken);
}
