namespace S3Client;

/// <summary>
/// An S3 client. Every call validates its arguments before any request, runs through the configured handler
/// pipeline (diagnostics, error mapping, resilience, signing) and fails with an <see cref="S3Exception"/> subclass for
/// error answers. Implementations are thread-safe and meant to be shared (register once, inject anywhere).
/// </summary>
public interface IS3Client
{
    /// <summary>Stores an object from a stream in one request (up to 5 GiB).</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key (1 to 1024 bytes of UTF-8).</param>
    /// <param name="content">
    /// The body: a seekable stream is sent from its current position (and rewound for retries); a non-seekable stream
    /// needs <see cref="PutObjectOptions.ContentLength"/> and is sent once, without HTTP-level retries.
    /// </param>
    /// <param name="options">Content type, metadata and other settings.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity tag and version of the stored object.</returns>
    /// <exception cref="ArgumentException">An argument breaks an S3 rule; nothing was sent.</exception>
    /// <exception cref="S3Exception">The service refused the request.</exception>
    Task<PutObjectResult> PutObjectAsync(string bucket, string key, Stream content, PutObjectOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts downloading an object; the result streams its bytes and must be disposed.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="options">A byte range or version.</param>
    /// <param name="cancellationToken">Cancels the request (not the later reads of the body).</param>
    /// <returns>The open object, returned as soon as its headers arrive.</returns>
    /// <exception cref="S3NotFoundException">The bucket or key does not exist.</exception>
    Task<GetObjectResult> GetObjectAsync(string bucket, string key, GetObjectOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Describes an object without reading it.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="options">A version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Size, type, entity tag, dates and user metadata.</returns>
    /// <exception cref="S3NotFoundException">The bucket or key does not exist (a HEAD answer has no error code).</exception>
    Task<ObjectMetadata> HeadObjectAsync(string bucket, string key, HeadObjectOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object. Deleting a key that does not exist succeeds, as in S3.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="options">A version to delete permanently.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the object is deleted.</returns>
    Task DeleteObjectAsync(string bucket, string key, DeleteObjectOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a bucket.</summary>
    /// <param name="bucket">The bucket name (S3 naming rules).</param>
    /// <param name="options">The location constraint.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the bucket exists.</returns>
    /// <exception cref="S3ConflictException">The name is taken (<c>BucketAlreadyExists</c>, <c>BucketAlreadyOwnedByYou</c>).</exception>
    Task CreateBucketAsync(string bucket, CreateBucketOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an empty bucket.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the bucket is deleted.</returns>
    /// <exception cref="S3ConflictException">The bucket is not empty (<c>BucketNotEmpty</c>).</exception>
    Task DeleteBucketAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the objects of a bucket in key order, fetching pages (ListObjectsV2) as the caller enumerates. Keys are
    /// requested URL-encoded and decoded, so any key survives the XML.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="options">Prefix, delimiter, start key and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The objects; keys grouped by a delimiter are left out (see <see cref="ListObjectsPageAsync"/>).</returns>
    IAsyncEnumerable<S3ObjectInfo> ListObjectsAsync(string bucket, ListObjectsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Fetches one page of a listing, with its common prefixes and the token of the next page.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="options">Prefix, delimiter, start key, page size and the continuation token of the page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    Task<ListObjectsPage> ListObjectsPageAsync(string bucket, ListObjectsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the buckets of the account.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The buckets.</returns>
    Task<IReadOnlyList<S3BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether a bucket exists (HeadBucket): <see langword="false"/> for 404.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the bucket exists.</returns>
    /// <exception cref="S3AccessDeniedException">The bucket exists but the credentials may not use it.</exception>
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default);
}
