using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Object tagging.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> GetObjectTagsAsync(
        string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default) => Call(
        () => ValidateObject(bucket, key),
        () => TaggedVersion("GetObjectTagging", bucket, key, versionId).Tags,
        cancellationToken);

    /// <inheritdoc />
    public Task PutObjectTagsAsync(
        string bucket, string key, IDictionary<string, string> tags, string? versionId = null, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            ValidateObject(bucket, key);
            ArgumentNullException.ThrowIfNull(tags);
            S3Validation.Tags(tags, nameof(tags));
        },
        () => TaggedVersion("PutObjectTagging", bucket, key, versionId).Tags = TagSets.Copy(tags),
        cancellationToken);

    /// <inheritdoc />
    public Task DeleteObjectTagsAsync(string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default) => Call(
        () => ValidateObject(bucket, key),
        () => TaggedVersion("DeleteObjectTagging", bucket, key, versionId).Tags = TagSets.Empty,
        cancellationToken);

    private static void ValidateObject(string bucket, string key)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
    }

    private StoredObject TaggedVersion(string operation, string bucket, string key, string? versionId)
    {
        var request = new FakeRequest(operation, bucket, key);
        return Bucket(bucket, request).Read(key, versionId, request);
    }
}
