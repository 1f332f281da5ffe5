using System.Net;
using System.Runtime.CompilerServices;
using S3Client.Listing.Internal;
using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Multipart uploads: create, upload and copy parts, complete, abort, list.</content>
public sealed partial class InMemoryS3Client
{
    private const long MinPartSize = 5L * 1024 * 1024;

    /// <inheritdoc />
    public Task<string> CreateMultipartUploadAsync(
        string bucket, string key, CreateMultipartUploadOptions? options = null, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(bucket);
            S3Validation.ObjectKey(key);
            if (options is not null)
            {
                ArgumentRules.WriteSettings(options);
            }
        },
        () =>
        {
            var request = new FakeRequest("CreateMultipartUpload", bucket, key);
            var stored = Bucket(bucket, request);
            var settings = StoredWriteSettings.From(options);
            settings.CheckMetadataSize(request);
            var now = Now;
            var upload = new StoredUpload(key, StoredBucket.NewId(now), now, settings, options is null ? TagSets.Empty : TagSets.Copy(options.Tags));
            stored.Uploads.Add(upload.UploadId, upload);
            return upload.UploadId;
        },
        cancellationToken);

    /// <inheritdoc />
    /// <remarks>The part's checksum, when given, is verified; a part uploaded again under the same number replaces the earlier one.</remarks>
    public async Task<UploadPartResult> UploadPartAsync(
        string bucket, string key, string uploadId, int partNumber, Stream content, UploadPartOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.UploadPart(bucket, key, uploadId, partNumber, content, options);

        var length = RequestBody.Measure(content, options?.ContentLength);
        _ = options?.Checksum?.HeaderName;
        var bytes = await RequestBody.ReadAsync(content, length, cancellationToken).ConfigureAwait(false);
        var request = new FakeRequest("UploadPart", bucket, key);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfOutage();
        lock (_lock)
        {
            var upload = Upload(bucket, key, uploadId, request);
            CustomerKeys.ThrowIfWrongForPart(upload.Settings.CustomerKeyMd5, options?.CustomerKey, request);
            ChecksumCheck.ThrowIfMismatch(options?.Checksum, bytes, request);
            var part = AddPart(upload, partNumber, bytes);
            return new UploadPartResult(partNumber, part.ETag) { Checksum = options?.Checksum };
        }
    }

    /// <inheritdoc />
    /// <remarks>A range outside the source fails with 400 <c>InvalidArgument</c>, as in S3.</remarks>
    public Task<UploadPartResult> UploadPartCopyAsync(
        string bucket, string key, string uploadId, int partNumber, string sourceBucket, string sourceKey, UploadPartCopyOptions? options = null,
        CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.UploadPartCopy(bucket, key, uploadId, partNumber, sourceBucket, sourceKey);
            ArgumentRules.Conditions(options?.SourceConditions, "x-amz-copy-source-");
            if (options?.SourceRange is { } range && (range.First is null || range.Last is null))
            {
                throw new ArgumentException("UploadPartCopy needs a closed range (S3ByteRange.Between).", nameof(options));
            }
        },
        () =>
        {
            var request = new FakeRequest("UploadPartCopy", bucket, key);
            var upload = Upload(bucket, key, uploadId, request);
            var (_, source) = CopySource(sourceBucket, sourceKey, options?.SourceVersionId, request);
            CustomerKeys.ThrowIfWrong(source.Settings.CustomerKeyMd5, options?.SourceCustomerKey, request);
            ConditionCheck.ThrowIfFailed(options?.SourceConditions, source, request, isCopySource: true);
            CustomerKeys.ThrowIfWrongForPart(upload.Settings.CustomerKeyMd5, options?.CustomerKey, request);
            var bytes = source.Content;
            if (options?.SourceRange is { First: { } first, Last: { } last })
            {
                if (last >= bytes.LongLength)
                {
                    throw request.InvalidArgument($"Range specified is not valid for source object of size: {bytes.LongLength}");
                }

                bytes = bytes[(int)first..(int)(last + 1)];
            }

            return new UploadPartResult(partNumber, AddPart(upload, partNumber, bytes).ETag);
        },
        cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Every listed part must have been uploaded with the given entity tag (400 <c>InvalidPart</c>) and every part but
    /// the last must have at least 5 MiB (400 <c>EntityTooSmall</c>). The upload is gone afterwards: further calls on it
    /// fail with <c>NoSuchUpload</c>.
    /// </remarks>
    public Task<CompleteMultipartUploadResult> CompleteMultipartUploadAsync(
        string bucket, string key, string uploadId, IEnumerable<S3CompletedPart> parts, CancellationToken cancellationToken = default)
    {
        List<S3CompletedPart>? ordered = null;
        return Call(
            () =>
            {
                S3Validation.BucketName(bucket);
                S3Validation.ObjectKey(key);
                S3Validation.UploadId(uploadId);
                ordered = S3Validation.CompletedParts(parts);
            },
            () =>
            {
                var request = new FakeRequest("CompleteMultipartUpload", bucket, key);
                var stored = Bucket(bucket, request);
                var upload = Upload(bucket, key, uploadId, request);
                var chosen = ordered!.Select(p => upload.Parts.TryGetValue(p.PartNumber, out var part) && p.ETag is not null
                        && EntityTags.Unquote(p.ETag) == EntityTags.Unquote(part.ETag) ? part : null).ToList();
                if (chosen.Contains(null))
                {
                    throw request.InvalidPart();
                }

                if (chosen.Take(chosen.Count - 1).Any(p => p!.Content.Length < MinPartSize))
                {
                    throw request.Error(HttpStatusCode.BadRequest, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
                }

                var content = new byte[chosen.Sum(p => (long)p!.Content.Length)];
                var offset = 0;
                foreach (var part in chosen)
                {
                    part!.Content.CopyTo(content, offset);
                    offset += part.Content.Length;
                }

                var etag = EntityTags.ForParts(chosen.Select(p => p!.Md5).ToList());
                var version = Store(stored, key, content, etag, upload.Settings, upload.Tags);
                stored.Uploads.Remove(uploadId);
                return new CompleteMultipartUploadResult(etag, stored.ReportsVersions ? version.VersionId : null, ObjectUrl(bucket, key).ToString());
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task AbortMultipartUploadAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(bucket);
            S3Validation.ObjectKey(key);
            S3Validation.UploadId(uploadId);
        },
        () =>
        {
            Upload(bucket, key, uploadId, new FakeRequest("AbortMultipartUpload", bucket, key));
            _buckets[bucket].Uploads.Remove(uploadId);
        },
        cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<S3PartInfo> ListPartsAsync(
        string bucket, string key, string uploadId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.UploadId(uploadId);
        var parts = await Call(
            () => { },
            () => Upload(bucket, key, uploadId, new FakeRequest("ListParts", bucket, key)).Parts.Values.Select(p => p.ToInfo()).ToList(),
            cancellationToken).ConfigureAwait(false);
        foreach (var part in parts)
        {
            yield return part;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<S3MultipartUploadInfo> ListMultipartUploadsAsync(
        string bucket, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        var uploads = await Call(
            () => { },
            () => Bucket(bucket, new FakeRequest("ListMultipartUploads", bucket)).Uploads.Values
                .Where(u => u.Key.StartsWith(prefix ?? string.Empty, StringComparison.Ordinal))
                .OrderBy(u => u.Key, Utf8KeyComparer.Instance)
                .ThenBy(u => u.Initiated)
                .ThenBy(u => u.UploadId, StringComparer.Ordinal)
                .Select(u => u.ToInfo())
                .ToList(),
            cancellationToken).ConfigureAwait(false);
        foreach (var upload in uploads)
        {
            yield return upload;
        }
    }

    /// <summary>The upload <paramref name="uploadId"/> of <paramref name="key"/>; 404 <c>NoSuchUpload</c> for another key, or after completion or abort.</summary>
    private StoredUpload Upload(string bucket, string key, string uploadId, FakeRequest request) =>
        Bucket(bucket, request).Uploads.TryGetValue(uploadId, out var upload) && upload.Key == key ? upload : throw request.NoSuchUpload();

    private StoredPart AddPart(StoredUpload upload, int partNumber, byte[] bytes)
    {
        var md5 = EntityTags.Md5(bytes);
        var part = new StoredPart(partNumber, bytes, md5, $"\"{Convert.ToHexStringLower(md5)}\"", Now);
        upload.Parts[partNumber] = part;
        return part;
    }
}
