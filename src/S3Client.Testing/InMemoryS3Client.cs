using S3Client.Testing.Internal;

namespace S3Client.Testing;

/// <summary>
/// An <see cref="IS3Client"/> that keeps buckets and objects in memory and behaves like S3 for the common operations,
/// so code that uses S3Client can be unit-tested without a server. Thread-safe; create one per test.
/// </summary>
/// <remarks>
/// <para>
/// Arguments are validated with the real client's rules before anything is stored, and S3's error answers become the
/// exceptions the real client throws for them: the same types, <see cref="S3Exception.StatusCode"/>,
/// <see cref="S3Exception.ErrorCode"/> (null for HEAD, which has no error body), bucket, key and message. Covered:
/// buckets; objects with content headers, user metadata (names lower-cased and compared case-insensitively, as S3
/// does) and tags; entity tags (the quoted MD5 of a single PUT, <c>"md5-of-md5s-N"</c> for multipart); versioning
/// with delete markers; conditional reads and writes; byte ranges; listing in UTF-8 binary key order with prefixes,
/// delimiters, start keys, page sizes and continuation tokens; batch delete; copy; multipart uploads with S3's part
/// checks; SSE-C key checks; <c>x-amz-checksum-*</c> verification; transfers through <see cref="S3TransferManager"/>.
/// </para>
/// <para>
/// Not modelled: authentication and permissions (nothing is ever denied, except an object read with the wrong SSE-C
/// key), server errors and throttling, request ids (<see cref="S3Exception.RequestId"/> is null), regions, storage
/// costs and lifecycles. Server-side encryption is accepted and ignored. <see cref="GetPresignedUrlAsync"/> returns a
/// deterministic URL on the reserved <c>.invalid</c> domain, which cannot be fetched. Last-modified times are whole
/// seconds of the <see cref="TimeProvider"/>. Objects live in memory, each at most about 2 GiB.
/// </para>
/// </remarks>
public sealed partial class InMemoryS3Client : IS3Client
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly S3TransferManager _transfers;

    /// <summary>Creates an empty store: no buckets.</summary>
    /// <param name="timeProvider">The clock for last-modified and creation times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="transferOptions">The defaults of <see cref="UploadAsync"/> and <see cref="DownloadAsync"/> and their file variants.</param>
    public InMemoryS3Client(TimeProvider? timeProvider = null, TransferOptions? transferOptions = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _transfers = new S3TransferManager(this, transferOptions);
    }

    /// <summary>
    /// Makes every call after its argument checks fail as an unavailable service would, until set back to
    /// <see cref="InMemoryS3Outage.None"/>; the stored data is kept. Put two stores behind an
    /// <see cref="S3FailoverClient"/> (a failing primary beside a healthy replica) to test an app's degradation paths.
    /// </summary>
    public InMemoryS3Outage Outage { get; set; }

    private DateTimeOffset Now => ConditionCheck.WholeSeconds(_timeProvider.GetUtcNow());

    /// <summary>Validates the arguments, then runs <paramref name="operation"/> under the lock; the outcome as a completed task.</summary>
    private Task<T> Call<T>(Action validate, Func<T> operation, CancellationToken cancellationToken) => ImmediateTask.Run(() =>
    {
        validate();
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfOutage();
        lock (_lock)
        {
            return operation();
        }
    }, cancellationToken);

    /// <summary>As above, for operations without a result (the task's value means nothing).</summary>
    private Task<bool> Call(Action validate, Action operation, CancellationToken cancellationToken) => Call(validate, () =>
    {
        operation();
        return true;
    }, cancellationToken);

    private StoredBucket Bucket(string name, FakeRequest request) =>
        _buckets.TryGetValue(name, out var bucket) ? bucket : throw request.NoSuchBucket();

    /// <summary>Stores a new version of <paramref name="key"/> under the bucket's versioning rules.</summary>
    private StoredObject Store(
        StoredBucket bucket, string key, byte[] content, string etag, StoredWriteSettings settings, IReadOnlyDictionary<string, string> tags)
    {
        var now = Now;
        var version = new StoredObject
        {
            Key = key,
            VersionId = bucket.NextVersionId(now),
            LastModified = now,
            Content = content,
            ETag = etag,
            Settings = settings,
            Tags = tags,
        };
        bucket.Put(version);
        return version;
    }

    private void ThrowIfOutage()
    {
        switch (Outage)
        {
            case InMemoryS3Outage.ServiceUnavailable:
                throw new FakeRequest("request", null).Error(System.Net.HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "Please reduce your request rate.");
            case InMemoryS3Outage.Unreachable:
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError, "Connection refused (in-memory outage)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        }
    }
}
