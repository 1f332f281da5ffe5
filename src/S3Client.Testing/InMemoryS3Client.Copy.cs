using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Server-side copy.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    /// <remarks>
    /// Without <see cref="CopyObjectOptions.ReplaceMetadata"/> the source's content headers, metadata and tags are
    /// copied; with it the options' are stored (and the source's tags unless the options name tags). Copying an object
    /// onto itself without changing anything is refused, as in S3 (400 <c>InvalidRequest</c>). The copy is a
    /// single-part object: its entity tag is the MD5 of its bytes even when the source was uploaded in parts.
    /// </remarks>
    public Task<CopyObjectResult> CopyObjectAsync(
        string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CopyObjectOptions? options = null,
        CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(sourceBucket, nameof(sourceBucket));
            S3Validation.ObjectKey(sourceKey, nameof(sourceKey));
            S3Validation.BucketName(destinationBucket, nameof(destinationBucket));
            S3Validation.ObjectKey(destinationKey, nameof(destinationKey));
            ArgumentRules.Conditions(options?.SourceConditions, "x-amz-copy-source-");
            if (options is { ReplaceMetadata: true })
            {
                ArgumentRules.WriteSettings(options);
            }
            else if (options is not null)
            {
                ArgumentRules.CopySettings(options);
            }
        },
        () =>
        {
            var request = new FakeRequest("CopyObject", destinationBucket, destinationKey);
            var destination = Bucket(destinationBucket, request);
            var (sourceStore, source) = CopySource(sourceBucket, sourceKey, options?.SourceVersionId, request);
            if (sourceBucket == destinationBucket && sourceKey == destinationKey && options is null or
                { SourceVersionId: null, ReplaceMetadata: false, StorageClass: null, ServerSideEncryption: null, CustomerKey: null })
            {
                throw request.InvalidRequest(
                    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
            }

            CustomerKeys.ThrowIfWrong(source.Settings.CustomerKeyMd5, options?.SourceCustomerKey, request);
            ConditionCheck.ThrowIfFailed(options?.SourceConditions, source, request, isCopySource: true);
            var settings = options is { ReplaceMetadata: true }
                ? StoredWriteSettings.From(options)
                : source.Settings with { StorageClass = options?.StorageClass ?? source.Settings.StorageClass, CustomerKeyMd5 = options?.CustomerKey?.KeyMd5 };
            settings.CheckMetadataSize(request);
            var tags = options is { ReplaceMetadata: true, Tags.Count: > 0 } ? TagSets.Copy(options.Tags) : source.Tags;
            var copy = Store(destination, destinationKey, source.Content, EntityTags.ForContent(source.Content), settings, tags);
            return new CopyObjectResult(
                copy.ETag, copy.LastModified, destination.ReportsVersions ? copy.VersionId : null, sourceStore.ReportsVersions ? source.VersionId : null);
        },
        cancellationToken);

    /// <summary>The object a copy reads: its current version or the named one, never a delete marker.</summary>
    private (StoredBucket Bucket, StoredObject Source) CopySource(string bucket, string key, string? versionId, FakeRequest request)
    {
        var stored = Bucket(bucket, request);
        var source = stored.Lookup(key, versionId);
        if (source is null)
        {
            throw versionId is null ? request.NoSuchKey() : request.NoSuchVersion();
        }

        if (source.IsDeleteMarker)
        {
            throw versionId is null
                ? request.NoSuchKey()
                : request.InvalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
        }

        return (stored, source);
    }
}
