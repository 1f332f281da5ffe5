using System.Net;
using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Buckets: create, delete, list, exists.</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    /// <remarks>Re-creating a bucket fails with 409 <c>BucketAlreadyOwnedByYou</c>; the location constraint is ignored.</remarks>
    public Task CreateBucketAsync(string bucket, CreateBucketOptions? options = null, CancellationToken cancellationToken = default) => Call(
        () =>
        {
            S3Validation.BucketName(bucket);
            S3Validation.HeaderValue(options?.LocationConstraint, "LocationConstraint", nameof(options));
        },
        () =>
        {
            if (_buckets.ContainsKey(bucket))
            {
                throw new FakeRequest("CreateBucket", bucket).Error(
                    HttpStatusCode.Conflict, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.");
            }

            _buckets.Add(bucket, new StoredBucket(bucket, Now));
        },
        cancellationToken);

    /// <inheritdoc />
    /// <remarks>A bucket with objects, versions or delete markers is not empty; multipart uploads in progress are discarded with it.</remarks>
    public Task DeleteBucketAsync(string bucket, CancellationToken cancellationToken = default) => Call(
        () => S3Validation.BucketName(bucket),
        () =>
        {
            var request = new FakeRequest("DeleteBucket", bucket);
            if (!Bucket(bucket, request).IsEmpty)
            {
                throw request.Error(HttpStatusCode.Conflict, "BucketNotEmpty", "The bucket you tried to delete is not empty");
            }

            _buckets.Remove(bucket);
        },
        cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<S3BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default) => Call(
        () => { },
        () => (IReadOnlyList<S3BucketInfo>)_buckets.Values
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => new S3BucketInfo(b.Name, b.Created))
            .ToList(),
        cancellationToken);

    /// <inheritdoc />
    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) => Call(
        () => S3Validation.BucketName(bucket),
        () => _buckets.ContainsKey(bucket),
        cancellationToken);
}
