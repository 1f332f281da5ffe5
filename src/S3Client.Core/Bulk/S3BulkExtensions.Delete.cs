using S3Client.Bulk.Internal;

namespace S3Client;

/// <content>Deleting many objects, in DeleteObjects batches of 1000 keys.</content>
public static partial class S3BulkExtensions
{
    /// <summary>
    /// Deletes many objects with one DeleteObjects request per 1000 keys (batches run in parallel up to
    /// <see cref="BulkOptions.MaxConcurrency"/>), reporting every key; keys refused with a transient error are sent again.
    /// Deleting a key that does not exist succeeds, as in S3.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="keys">The keys (and versions), read as the operation goes.</param>
    /// <param name="options">Concurrency, retries, when to stop, progress.</param>
    /// <param name="cancellationToken">Stops sending batches; the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">The bucket name or an option is invalid.</exception>
    public static BulkOperation DeleteManyAsync(
        this IS3Client client, string bucket, IAsyncEnumerable<S3ObjectIdentifier> keys, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(client, bucket, keys);
        options ??= new BulkOptions();
        return Start(new BulkEngine<S3ObjectIdentifier[]>(options, new DeleteBatchWork(client, bucket, options)), DeleteBatchWork.Batches(keys, CancellationToken.None), cancellationToken);
    }


    /// <summary>
    /// Deletes every object whose key starts with <paramref name="prefix"/>, listing and deleting as it goes (1000 keys
    /// per request). An empty prefix empties the bucket.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix; taken literally (no <c>/</c> is added).</param>
    /// <param name="options">Concurrency, retries, when to stop, progress.</param>
    /// <param name="cancellationToken">Stops listing and deleting; the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">The bucket name or an option is invalid.</exception>
    public static BulkOperation DeleteByPrefixAsync(
        this IS3Client client, string bucket, string prefix, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Check(client, bucket, prefix);
        var keys = client.ListObjectsAsync(bucket, new ListObjectsOptions { Prefix = prefix }, cancellationToken).Select(o => new S3ObjectIdentifier(o.Key));
        return client.DeleteManyAsync(bucket, keys, options, cancellationToken);
    }
}
