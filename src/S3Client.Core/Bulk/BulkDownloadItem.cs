namespace S3Client;

/// <summary>One object of <c>DownloadManyAsync</c>: a key and where its bytes go (a file or a stream factory).</summary>
public sealed class BulkDownloadItem
{
    private BulkDownloadItem(string key, string? filePath, Func<CancellationToken, ValueTask<Stream>>? openDestination, long? length)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        FilePath = filePath;
        OpenDestination = openDestination;
        Length = length;
    }

    /// <summary>The object key.</summary>
    public string Key { get; }

    /// <summary>The file to write (through a temporary file moved into place when complete), when the item is a file.</summary>
    public string? FilePath { get; }

    /// <summary>Opens the destination, when the item is a stream; called again for each attempt, and the stream disposed after it.</summary>
    public Func<CancellationToken, ValueTask<Stream>>? OpenDestination { get; }

    /// <summary>The object size when known up front (it sizes the reservation in the bytes-in-flight budget).</summary>
    public long? Length { get; }

    /// <summary>An item downloaded into a file; the file appears only complete.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="filePath">The file to create or replace.</param>
    /// <param name="length">The object size, when known (from a listing).</param>
    /// <returns>The item.</returns>
    public static BulkDownloadItem ToFile(string key, string filePath, long? length = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return new BulkDownloadItem(key, filePath, null, length);
    }

    /// <summary>An item downloaded into a stream the factory opens for each attempt.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="openDestination">Opens the destination; the stream is disposed after the attempt.</param>
    /// <param name="length">The object size, when known.</param>
    /// <returns>The item.</returns>
    public static BulkDownloadItem ToStream(string key, Func<CancellationToken, ValueTask<Stream>> openDestination, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(openDestination);
        return new BulkDownloadItem(key, null, openDestination, length);
    }
}
