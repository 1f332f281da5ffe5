namespace S3Client.Testing;

/// <content>Uploads and downloads of any size, through <see cref="S3TransferManager"/> over this client.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    public Task<TransferResult> UploadAsync(
        string bucket, string key, Stream content, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _transfers.UploadAsync(bucket, key, content, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResult> UploadFileAsync(
        string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _transfers.UploadFileAsync(bucket, key, filePath, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResult> DownloadAsync(
        string bucket, string key, Stream destination, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _transfers.DownloadAsync(bucket, key, destination, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResult> DownloadFileAsync(
        string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _transfers.DownloadFileAsync(bucket, key, filePath, options, progress, cancellationToken);
}
