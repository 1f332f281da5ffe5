using S3Client.Bulk.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <summary>
/// Bulk operations on any <see cref="IS3Client"/> (the real client and the in-memory fake alike): many objects at
/// bounded concurrency and bytes in flight, each item's outcome reported, transient failures tried again with backoff,
/// stopping on cancellation or too many failures, in memory that stays flat however many items there are.
/// Each returns a <see cref="BulkOperation"/>: await it for the <see cref="BulkSummary"/>, or enumerate it for the
/// per-item results. Arguments are checked when the method is called, before any request. Inputs are
/// <see cref="IAsyncEnumerable{T}"/>, read as the operation goes; pass a list or another <see cref="IEnumerable{T}"/>
/// with <c>.ToAsyncEnumerable()</c>.
/// </summary>
public static partial class S3BulkExtensions
{
    /// <summary>Uploads many objects from files or streams.</summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="items">The objects, read as the operation goes (a lazy sequence is never materialised).</param>
    /// <param name="options">Concurrency, budget, retries, overwrite policy, progress.</param>
    /// <param name="cancellationToken">Stops starting items and stops the items in flight (multipart uploads are aborted); the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">The bucket name or an option is invalid.</exception>
    public static BulkOperation UploadManyAsync(
        this IS3Client client, string bucket, IAsyncEnumerable<BulkUploadItem> items, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(client, bucket, items);
        options ??= new BulkOptions();
        return Start(new BulkEngine<BulkUploadItem>(options, new UploadWork(client, bucket, options)), items, cancellationToken);
    }


    /// <summary>Downloads many objects into files (each appears only complete) or streams.</summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="items">The objects, read as the operation goes.</param>
    /// <param name="options">Concurrency, budget, retries, overwrite policy for existing files, progress.</param>
    /// <param name="cancellationToken">Stops starting items and stops the items in flight; the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">The bucket name or an option is invalid.</exception>
    public static BulkOperation DownloadManyAsync(
        this IS3Client client, string bucket, IAsyncEnumerable<BulkDownloadItem> items, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(client, bucket, items);
        options ??= new BulkOptions();
        return Start(new BulkEngine<BulkDownloadItem>(options, new DownloadWork(client, bucket, options)), items, cancellationToken);
    }

    /// <summary>
    /// Copies many objects inside the service, for example from a listing:
    /// <c>s3.ListObjectsAsync(src).Select(o => new BulkCopyItem(src, o.Key, dst, o.Key))</c>. An object the service
    /// will not copy in one request (over 5 GiB on S3) is copied in parts of 512 MiB or more (UploadPartCopy, every part
    /// pinned to the source's entity tag; aborted on failure or cancellation), keeping its content type, cache,
    /// disposition and encoding headers and its metadata unless <see cref="CopyObjectOptions.ReplaceMetadata"/> is set;
    /// its Content-Language and Expires are kept only by a copy in one request.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="items">The copies, read as the operation goes.</param>
    /// <param name="options">Concurrency, retries, overwrite policy for existing destinations, progress.</param>
    /// <param name="cancellationToken">Stops starting items and stops the items in flight; the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static BulkOperation CopyManyAsync(
        this IS3Client client, IAsyncEnumerable<BulkCopyItem> items, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(items);
        options ??= new BulkOptions();
        return Start(new BulkEngine<BulkCopyItem>(options, new CopyWork(client, options)), items, cancellationToken);
    }


    private static void Check(IS3Client client, string bucket, object items)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(items);
        S3Validation.BucketName(bucket);
    }

    private static BulkOperation Start<TItem>(BulkEngine<TItem> engine, IAsyncEnumerable<TItem> items, CancellationToken cancellationToken) =>
        new((sink, ct) => engine.RunAsync(items, sink, ct), cancellationToken);
}
