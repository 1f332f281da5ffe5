namespace S3Client;

/// <content>Uploads and downloads of any size, through <see cref="S3TransferManager"/>.</content>
public sealed partial class S3ServiceClient
{
    private S3TransferManager? _transfers;

    private S3TransferManager Transfers => _transfers ??= new S3TransferManager(this, _options.Transfer);

    /// <summary>The configured transfer defaults, which a client composed over this one keeps.</summary>
    internal TransferOptions TransferDefaults => _options.Transfer;

    /// <inheritdoc />
    public Task<TransferResult> UploadAsync(
        string bucket, string key, Stream content, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Transfers.UploadAsync(bucket, key, content, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResult> UploadFileAsync(
        string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Transfers.UploadFileAsync(bucket, key, filePath, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResult> DownloadAsync(
        string bucket, string key, Stream destination, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Transfers.DownloadAsync(bucket, key, destination, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResult> DownloadFileAsync(
        string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Transfers.DownloadFileAsync(bucket, key, filePath, options, progress, cancellationToken);
}
