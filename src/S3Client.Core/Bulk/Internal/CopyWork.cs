using System.Net;

namespace S3Client.Bulk.Internal;

/// <summary>
/// The items of <c>CopyManyAsync</c>: server-side copies, with the overwrite policy checked against the destination.
/// An object over the service's single-copy limit (5 GiB on S3) is copied in parts: the service refuses the single
/// copy, and the item is then copied with UploadPartCopy, pinned to the source's entity tag, and aborted on failure.
/// </summary>
internal sealed class CopyWork(IS3Client client, BulkOptions options, long partSize = CopyWork.DefaultPartSize) : IBulkWork<BulkCopyItem>
{
    /// <summary>The part size of a copy in parts: 10,000 of them cover 5 TiB, S3's largest object.</summary>
    public const long DefaultPartSize = 512L * 1024 * 1024;

    private const int MaxParts = 10_000;

    public string KeyOf(BulkCopyItem item) => item.DestinationKey;

    public BulkItemAction ActionOf(BulkCopyItem item) => BulkItemAction.Copy;

    public string? PathOf(BulkCopyItem item) => null;

    public long BytesInFlight(BulkCopyItem item) => 0;

    public async Task<BulkItemResult?> RunAsync(BulkCopyItem item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        var policy = options.Overwrite ?? S3OverwritePolicy.Always;
        if (policy != S3OverwritePolicy.Always && await IsSkippedAsync(item, policy, cancellationToken).ConfigureAwait(false))
        {
            return new BulkItemResult(item.DestinationKey, BulkItemAction.None, BulkItemStatus.Skipped, 0);
        }

        try
        {
            await client.CopyObjectAsync(item.SourceBucket, item.SourceKey, item.DestinationBucket, item.DestinationKey, item.Options, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (S3Exception e) when (IsTooLargeForOneCopy(e))
        {
            await CopyInPartsAsync(item, cancellationToken).ConfigureAwait(false);
        }

        return new BulkItemResult(item.DestinationKey, BulkItemAction.Copy, BulkItemStatus.Succeeded, 0);
    }

    /// <summary>
    /// The refusal of a single copy of an object over the limit: S3's 400 <c>InvalidRequest</c> ("The specified copy
    /// source is larger than the maximum allowable size for a copy source"), or <c>EntityTooLarge</c> as other services say it.
    /// </summary>
    internal static bool IsTooLargeForOneCopy(S3Exception e) =>
        e.StatusCode == HttpStatusCode.BadRequest
        && (e.ErrorCode == "EntityTooLarge"
            || (e.ErrorCode == "InvalidRequest" && e.ServerMessage?.Contains("copy source is larger", StringComparison.OrdinalIgnoreCase) == true));

    private async Task CopyInPartsAsync(BulkCopyItem item, CancellationToken cancellationToken)
    {
        var copy = item.Options;
        var source = await client.HeadObjectAsync(item.SourceBucket, item.SourceKey, ReadOptions(copy), cancellationToken).ConfigureAwait(false);
        var size = source.ContentLength;
        var part = Math.Max(partSize, (size + MaxParts - 1) / MaxParts);
        var create = CreateOptions(copy, source);
        var uploadId = await client.CreateMultipartUploadAsync(item.DestinationBucket, item.DestinationKey, create, cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<S3CompletedPart>((int)((size + part - 1) / part));
            for (long offset = 0, number = 1; offset < size; offset += part, number++)
            {
                var result = await client.UploadPartCopyAsync(
                    item.DestinationBucket,
                    item.DestinationKey,
                    uploadId,
                    (int)number,
                    item.SourceBucket,
                    item.SourceKey,
                    new UploadPartCopyOptions
                    {
                        SourceRange = S3ByteRange.Between(offset, Math.Min(offset + part, size) - 1),
                        SourceVersionId = copy?.SourceVersionId ?? source.VersionId,
                        SourceConditions = new S3Conditions { IfMatch = source.ETag },
                        SourceCustomerKey = copy?.SourceCustomerKey,
                        CustomerKey = copy?.CustomerKey,
                    },
                    cancellationToken).ConfigureAwait(false);
                parts.Add(new S3CompletedPart((int)number, result.ETag));
            }

            await client.CompleteMultipartUploadAsync(item.DestinationBucket, item.DestinationKey, uploadId, parts, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not the caller's token: a cancelled copy must still release what it stored.
            await client.AbortMultipartUploadAsync(item.DestinationBucket, item.DestinationKey, uploadId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The source as the copy would read it: its version, its customer key, and the copy's conditions on it.</summary>
    private static HeadObjectOptions? ReadOptions(CopyObjectOptions? copy) => copy is null ? null : new HeadObjectOptions
    {
        VersionId = copy.SourceVersionId,
        CustomerKey = copy.SourceCustomerKey,
        IfMatch = copy.SourceConditions?.IfMatch,
        IfNoneMatch = copy.SourceConditions?.IfNoneMatch,
        IfModifiedSince = copy.SourceConditions?.IfModifiedSince,
        IfUnmodifiedSince = copy.SourceConditions?.IfUnmodifiedSince,
    };

    private async Task<bool> IsSkippedAsync(BulkCopyItem item, S3OverwritePolicy policy, CancellationToken cancellationToken)
    {
        ObjectMetadata destination;
        try
        {
            destination = await client.HeadObjectAsync(item.DestinationBucket, item.DestinationKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (S3NotFoundException)
        {
            return false;
        }

        if (policy == S3OverwritePolicy.Never)
        {
            return true;
        }

        // A copy keeps the entity tag of an object stored in one request, so equal tags and sizes mean equal content.
        var source = await client.HeadObjectAsync(item.SourceBucket, item.SourceKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return source.ContentLength == destination.ContentLength && ChangeDetector.IsMd5(source.ETag) && source.ETag == destination.ETag;
    }

    /// <summary>
    /// What a single copy would have stored: the source's content headers and metadata, unless the options replace
    /// the metadata; the options' storage class, encryption and tags either way.
    /// </summary>
    private static CreateMultipartUploadOptions CreateOptions(CopyObjectOptions? copy, ObjectMetadata source)
    {
        var replace = copy?.ReplaceMetadata == true;
        var create = new CreateMultipartUploadOptions
        {
            ContentType = replace ? copy!.ContentType : source.ContentType,
            CacheControl = replace ? copy!.CacheControl : source.CacheControl,
            ContentDisposition = replace ? copy!.ContentDisposition : source.ContentDisposition,
            ContentEncoding = replace ? copy!.ContentEncoding : source.ContentEncoding,
            ContentLanguage = replace ? copy!.ContentLanguage : null,
            Expires = replace ? copy!.Expires : null,
            StorageClass = copy?.StorageClass,
            ServerSideEncryption = copy?.ServerSideEncryption,
            CustomerKey = copy?.CustomerKey,
        };
        IEnumerable<KeyValuePair<string, string>> metadata = replace ? copy!.Metadata : source.Metadata;
        foreach (var (name, value) in metadata)
        {
            create.Metadata[name] = value;
        }

        if (copy is not null)
        {
            foreach (var (name, value) in copy.Tags)
            {
                create.Tags[name] = value;
            }
        }

        return create;
    }
}
