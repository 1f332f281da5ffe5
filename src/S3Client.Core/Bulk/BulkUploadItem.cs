namespace S3Client;

/// <summary>One object of <c>UploadManyAsync</c>: a key and where its bytes come from (a file or a stream factory).</summary>
public sealed class BulkUploadItem
{
    private BulkUploadItem(string key, string? filePath, Func<CancellationToken, ValueTask<Stream>>? openContent, long? length, TransferOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        FilePath = filePath;
        OpenContent = openContent;
        Length = length;
        Options = options;
    }

    /// <summary>The object key.</summary>
    public string Key { get; }

    /// <summary>The file to upload, when the item is a file.</summary>
    public string? FilePath { get; }

    /// <summary>Opens the content, when the item is a stream; called again for each attempt, and the stream disposed after it.</summary>
    public Func<CancellationToken, ValueTask<Stream>>? OpenContent { get; }

    /// <summary>The content length when known up front (it sizes the reservation in the bytes-in-flight budget).</summary>
    public long? Length { get; }

    /// <summary>This item's transfer settings and what it is stored with; the operation's <see cref="BulkOptions.Transfer"/> when null.</summary>
    public TransferOptions? Options { get; }

    /// <summary>An item uploaded from a file.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="filePath">The file.</param>
    /// <param name="options">Settings for this item only.</param>
    /// <returns>The item.</returns>
    public static BulkUploadItem FromFile(string key, string filePath, TransferOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return new BulkUploadItem(key, filePath, null, null, options);
    }

    /// <summary>An item uploaded from a stream the factory opens for each attempt (so a retry sends the whole content again).</summary>
    /// <param name="key">The object key.</param>
    /// <param name="openContent">Opens the content; the stream is disposed after the attempt.</param>
    /// <param name="length">The content length, when known.</param>
    /// <param name="options">Settings for this item only.</param>
    /// <returns>The item.</returns>
    public static BulkUploadItem FromStream(string key, Func<CancellationToken, ValueTask<Stream>> openContent, long? length = null, TransferOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(openContent);
        return new BulkUploadItem(key, null, openContent, length, options);
    }
}
