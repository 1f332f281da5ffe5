using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Single-object operations: PUT, GET, HEAD, DELETE.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    /// <remarks>
    /// The body is read (from the stream's position) before the object is stored; the stored bytes are a copy.
    /// <see cref="PutObjectOptions.Checksum"/> is verified (400 <c>BadDigest</c>), user metadata over 2 KB is refused
    /// (400 <c>MetadataTooLarge</c>), and <see cref="PutObjectOptions.IfNoneMatchAny"/> and
    /// <see cref="PutObjectOptions.IfMatch"/> are enforced (412, or 404 for <c>If-Match</c> on a missing key).
    /// </remarks>
    public async Task<PutObjectResult> PutObjectAsync(
        string bucket, string key, Stream content, PutObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.PutObject(bucket, key, content, options);

        var length = RequestBody.Measure(content, options?.ContentLength);
        if (options is not null)
        {
            ArgumentRules.WriteSettings(options);
            S3Validation.HeaderValue(options.IfMatch, "If-Match", nameof(options.IfMatch));
            _ = options.Checksum?.HeaderName;
        }

        var bytes = await RequestBody.ReadAsync(content, length, cancellationToken).ConfigureAwait(false);
        var request = new FakeRequest("PutObject", bucket, key);
        var settings = StoredWriteSettings.From(options);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfOutage();
        lock (_lock)
        {
            var stored = Bucket(bucket, request);
            settings.CheckMetadataSize(request);
            ChecksumCheck.ThrowIfMismatch(options?.Checksum, bytes, request);
            var current = stored.Latest(key) is { IsDeleteMarker: false } latest ? latest : null;
            if (options is { IfNoneMatchAny: true } && current is not null)
            {
                throw request.PreconditionFailed();
            }

            if (options?.IfMatch is { } ifMatch && !EntityTags.Matches(ifMatch, (current ?? throw request.NoSuchKey()).ETag))
            {
                throw request.PreconditionFailed();
            }

            var version = Store(stored, key, bytes, EntityTags.ForContent(bytes), settings, options is null ? TagSets.Empty : TagSets.Copy(options.Tags));
            return new PutObjectResult(version.ETag, stored.ReportsVersions ? version.VersionId : null);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The result's stream is read-only and independent of the store: later writes do not change it. Conditions are
    /// checked before the range, as in S3; a range that starts past the end (or any range of an empty object) fails
    /// with <see cref="S3RangeNotSatisfiableException"/>.
    /// </remarks>
    public Task<GetObjectResult> GetObjectAsync(string bucket, string key, GetObjectOptions? options = null, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(bucket);
            S3Validation.ObjectKey(key);
            ArgumentRules.Conditions(options);
            S3Validation.ByteRange(options?.Range, nameof(options));
        },
        () =>
        {
            var request = new FakeRequest("GetObject", bucket, key);
            var stored = Bucket(bucket, request);
            var version = stored.Read(key, options?.VersionId, request);
            CustomerKeys.ThrowIfWrong(version.Settings.CustomerKeyMd5, options?.CustomerKey, request);
            ConditionCheck.ThrowIfFailed(options, version, request);
            var total = version.Content.LongLength;
            var (first, last) = options?.Range is { } range ? ByteRanges.Resolve(range, total, request) : (0, total - 1);
            var length = last - first + 1;

            // The stored bytes never change, so a read-only view of them is as independent as a copy.
            var body = new MemoryStream(version.Content, (int)first, (int)length, writable: false);
            return new GetObjectResult(body, version.ToMetadata(stored.ReportsVersions, length))
            {
                ContentLength = length,
                ContentRange = options?.Range is null ? null : $"bytes {first}-{last}/{total}",
            };
        },
        cancellationToken);

    /// <inheritdoc />
    public Task<ObjectMetadata> HeadObjectAsync(string bucket, string key, HeadObjectOptions? options = null, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(bucket);
            S3Validation.ObjectKey(key);
            ArgumentRules.Conditions(options);
        },
        () =>
        {
            var request = new FakeRequest("HeadObject", bucket, key, isHead: true);
            var stored = Bucket(bucket, request);
            var version = stored.Read(key, options?.VersionId, request);
            CustomerKeys.ThrowIfWrong(version.Settings.CustomerKeyMd5, options?.CustomerKey, request);
            ConditionCheck.ThrowIfFailed(options, version, request);
            return version.ToMetadata(stored.ReportsVersions, version.Content.LongLength);
        },
        cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Without a version: removes the object, or, in a versioned bucket, adds a delete marker. With a version: removes
    /// that version for good. A missing key or version is not an error.
    /// </remarks>
    public Task DeleteObjectAsync(string bucket, string key, DeleteObjectOptions? options = null, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(bucket);
            S3Validation.ObjectKey(key);
        },
        () => Bucket(bucket, new FakeRequest("DeleteObject", bucket, key)).Delete(key, options?.VersionId, Now),
        cancellationToken);
}
