using System.Runtime.CompilerServices;
using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Bucket versioning and object versions.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    /// <remarks>
    /// Enabled: every write gets a new version id and a delete adds a delete marker. Suspended (also when versioning
    /// was never enabled and <paramref name="enabled"/> is false): writes replace the <c>null</c> version.
    /// </remarks>
    public Task SetBucketVersioningAsync(string bucket, bool enabled, CancellationToken cancellationToken = default) => Call(
        () => S3Validation.BucketName(bucket),
        () => Bucket(bucket, new FakeRequest("PutBucketVersioning", bucket)).Versioning = enabled ? S3VersioningStatus.Enabled : S3VersioningStatus.Suspended,
        cancellationToken);

    /// <inheritdoc />
    public Task<S3VersioningStatus> GetBucketVersioningAsync(string bucket, CancellationToken cancellationToken = default) => Call(
        () => S3Validation.BucketName(bucket),
        () => Bucket(bucket, new FakeRequest("GetBucketVersioning", bucket)).Versioning,
        cancellationToken);

    /// <inheritdoc />
    /// <remarks>Objects written while versioning was off or suspended have the version id <c>null</c>.</remarks>
    public async IAsyncEnumerable<S3ObjectVersion> ListObjectVersionsAsync(
        string bucket, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        var versions = await Call(() => { }, () => Versions(bucket, prefix ?? string.Empty), cancellationToken).ConfigureAwait(false);
        foreach (var version in versions)
        {
            yield return version;
        }
    }

    private List<S3ObjectVersion> Versions(string bucket, string prefix)
    {
        var stored = Bucket(bucket, new FakeRequest("ListObjectVersions", bucket));
        var versions = new List<S3ObjectVersion>();
        foreach (var key in stored.KeysAfter(null).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var history = stored.VersionsOf(key);
            for (var i = 0; i < history.Count; i++)
            {
                var v = history[i];
                versions.Add(new S3ObjectVersion(key, v.VersionId, i == 0, v.IsDeleteMarker, v.Content.LongLength, v.IsDeleteMarker ? null : v.ETag, v.LastModified));
            }
        }

        return versions;
    }
}
