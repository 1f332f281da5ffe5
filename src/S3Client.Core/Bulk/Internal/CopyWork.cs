namespace S3Client.Bulk.Internal;

/// <summary>The items of <c>CopyManyAsync</c>: server-side copies, with the overwrite policy checked against the destination.</summary>
internal sealed class CopyWork(IS3Client client, BulkOptions options) : IBulkWork<BulkCopyItem>
{
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

        await client.CopyObjectAsync(item.SourceBucket, item.SourceKey, item.DestinationBucket, item.DestinationKey, item.Options, cancellationToken)
            .ConfigureAwait(false);
        return new BulkItemResult(item.DestinationKey, BulkItemAction.Copy, BulkItemStatus.Succeeded, 0);
    }

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
}
