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

    /// <summary>
    /// Deletes many objects with as few requests as possible: batches of up to 1000 keys (DeleteObjects), each with
    /// the Content-MD5 the API requires. Per-key failures are returned, not thrown.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="objects">The keys (and optionally versions) to delete; any number.</param>
    /// <param name="options">Quiet mode (the default) or a full report.</param>
    /// <param name="cancellationToken">Cancels the remaining batches.</param>
    /// <returns>The deleted keys (unless quiet) and the failures.</returns>
    Task<DeleteObjectsResult> DeleteObjectsAsync(string bucket, IEnumerable<S3ObjectIdentifier> objects, DeleteObjectsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Copies an object inside the service (up to 5 GiB; larger objects need <see cref="UploadPartCopyAsync"/>).</summary>
    /// <param name="sourceBucket">The source bucket.</param>
    /// <param name="sourceKey">The source key.</param>
    /// <param name="destinationBucket">The destination bucket.</param>
    /// <param name="destinationKey">The destination key.</param>
    /// <param name="options">Source version and conditions, and whether to replace the metadata.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new object's entity tag and version.</returns>
    /// <exception cref="S3PreconditionFailedException">A source condition did not hold.</exception>
    /// <exception cref="S3Exception">The copy failed, including a failure reported after a 200 answer.</exception>
    Task<CopyObjectResult> CopyObjectAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CopyObjectOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a multipart upload.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="options">What the assembled object is stored with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The upload id.</returns>
    Task<string> CreateMultipartUploadAsync(string bucket, string key, CreateMultipartUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads one part (5 MiB to 5 GiB, except the last).</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="partNumber">The part number, 1 to 10,000.</param>
    /// <param name="content">The part bytes; a seekable stream is sent from its position (and rewound for retries).</param>
    /// <param name="options">Length, SSE-C key, checksum.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The part's entity tag.</returns>
    Task<UploadPartResult> UploadPartAsync(string bucket, string key, string uploadId, int partNumber, Stream content, UploadPartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Copies a range of an existing object as one part (how objects over 5 GiB are copied).</summary>
    /// <param name="bucket">The bucket of the upload.</param>
    /// <param name="key">The key of the upload.</param>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="partNumber">The part number, 1 to 10,000.</param>
    /// <param name="sourceBucket">The source bucket.</param>
    /// <param name="sourceKey">The source key.</param>
    /// <param name="options">The source range, version and conditions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The part's entity tag.</returns>
    Task<UploadPartResult> UploadPartCopyAsync(string bucket, string key, string uploadId, int partNumber, string sourceBucket, string sourceKey, UploadPartCopyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Assembles the uploaded parts into the object.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="parts">The parts, in any order (they are sent sorted).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object's entity tag and version.</returns>
    /// <exception cref="S3Exception">The service refused, including a failure reported after a 200 answer.</exception>
    Task<CompleteMultipartUploadResult> CompleteMultipartUploadAsync(string bucket, string key, string uploadId, IEnumerable<S3CompletedPart> parts, CancellationToken cancellationToken = default);

    /// <summary>Abandons a multipart upload and frees its parts.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the upload is aborted.</returns>
    Task AbortMultipartUploadAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken = default);

    /// <summary>Lists the parts uploaded so far, paging as the caller enumerates.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The parts in part-number order.</returns>
    IAsyncEnumerable<S3PartInfo> ListPartsAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken = default);

    /// <summary>Lists the multipart uploads in progress in a bucket, paging as the caller enumerates.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">Only keys with this prefix.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The uploads in key order.</returns>
    IAsyncEnumerable<S3MultipartUploadInfo> ListMultipartUploadsAsync(string bucket, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Computes a presigned URL (query authentication) that lets anyone holding it perform one kind of request on one
    /// object until it expires. Sends nothing; uses the configured credentials (a session token is included).
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="method">GET, PUT, HEAD or DELETE.</param>
    /// <param name="expiresIn">1 second to 7 days, in whole seconds.</param>
    /// <param name="options">Version, signed content type for PUT, response header overrides for GET.</param>
    /// <param name="cancellationToken">Cancels fetching credentials.</param>
    /// <returns>The URL; on the public endpoint when one is configured.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside 1 s..7 days.</exception>
    Task<Uri> GetPresignedUrlAsync(string bucket, string key, HttpMethod method, TimeSpan expiresIn, PresignOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the tags of an object.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="versionId">A specific version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tags (empty when none).</returns>
    Task<IReadOnlyDictionary<string, string>> GetObjectTagsAsync(string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the tags of an object.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="tags">At most 10 tags; keys up to 128 and values up to 256 characters.</param>
    /// <param name="versionId">A specific version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tags are stored.</returns>
    Task PutObjectTagsAsync(string bucket, string key, IDictionary<string, string> tags, string? versionId = null, CancellationToken cancellationToken = default);

    /// <summary>Removes all tags of an object.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="versionId">A specific version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tags are removed.</returns>
    Task DeleteObjectTagsAsync(string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default);

    /// <summary>Enables or suspends versioning of a bucket.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="enabled">True to enable, false to suspend.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the setting is stored.</returns>
    Task SetBucketVersioningAsync(string bucket, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Reads the versioning state of a bucket.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Off, enabled or suspended.</returns>
    Task<S3VersioningStatus> GetBucketVersioningAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Lists every version and delete marker, paging as the caller enumerates.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">Only keys with this prefix.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Versions in key order, newest first within a key.</returns>
    IAsyncEnumerable<S3ObjectVersion> ListObjectVersionsAsync(string bucket, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a stream of any size, including streams of unknown length: one PUT below the multipart threshold,
    /// parallel parts above it, in memory bounded by part size times concurrency. A failed or cancelled multipart
    /// upload is aborted and the original exception rethrown.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="content">The data, read from its current position to its end.</param>
    /// <param name="options">Transfer settings and what the object is stored with; the client's defaults when null.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>What was stored.</returns>
    Task<TransferResult> UploadAsync(string bucket, string key, Stream content, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file; with <see cref="TransferOptions.AllowResume"/> an interrupted upload of it is resumed.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="filePath">The file.</param>
    /// <param name="options">Transfer settings and what the object is stored with; the client's defaults when null.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>What was stored.</returns>
    Task<TransferResult> UploadFileAsync(string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an object into a stream with parallel ranged GETs written in order, pinned to the object's entity tag:
    /// an overwrite during the download fails with <see cref="S3PreconditionFailedException"/>; nothing is written short.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="options">Part size and concurrency; the client's defaults when null.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    Task<TransferResult> DownloadAsync(string bucket, string key, Stream destination, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an object into a file through <c>{filePath}.s3partial</c>, moved into place only when complete;
    /// with <see cref="TransferOptions.AllowResume"/> a failed download is resumed by the next call.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="filePath">The file to create or replace.</param>
    /// <param name="options">Part size and concurrency; the client's defaults when null.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    Task<TransferResult> DownloadFileAsync(string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default);
}
