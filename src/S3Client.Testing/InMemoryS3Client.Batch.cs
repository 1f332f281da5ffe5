using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Batch delete.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    /// <remarks>Keys that do not exist count as deleted, as in S3. No per-key failures occur in memory.</remarks>
    public Task<DeleteObjectsResult> DeleteObjectsAsync(
        string bucket, IEnumerable<S3ObjectIdentifier> objects, DeleteObjectsOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<S3ObjectIdentifier>? all = null;
        return Call(
            () =>
            {
                S3Validation.BucketName(bucket);
                ArgumentNullException.ThrowIfNull(objects);
                all = objects.ToList();
                foreach (var item in all)
                {
                    ArgumentNullException.ThrowIfNull(item, nameof(objects));
                    S3Validation.ObjectKey(item.Key, nameof(objects));
                }
            },
            () =>
            {
                var deleted = new List<S3DeletedObject>();
                if (all!.Count == 0)
                {
                    // The real client sends no request for an empty batch, so a missing bucket goes unnoticed too.
                    return new DeleteObjectsResult(deleted, []);
                }

                var stored = Bucket(bucket, new FakeRequest("DeleteObjects", bucket));
                var now = Now;
                foreach (var item in all)
                {
                    var (removed, marker) = stored.Delete(item.Key, item.VersionId, now);
                    if (options is { Quiet: false })
                    {
                        var markerId = marker?.VersionId ?? (removed is { IsDeleteMarker: true } ? removed.VersionId : null);
                        deleted.Add(new S3DeletedObject(item.Key, item.VersionId, markerId));
                    }
                }

                return new DeleteObjectsResult(deleted, []);
            },
            cancellationToken);
    }
}
