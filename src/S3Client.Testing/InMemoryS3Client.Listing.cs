using System.Runtime.CompilerServices;
using S3Client.Testing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Testing;

/// <content>Listing objects (ListObjectsV2 pages).</content>
public sealed partial class InMemoryS3Client
{
    /// <inheritdoc />
    /// <remarks>Fetches one page at a time, as the real client does, so objects written or deleted between pages show.</remarks>
    public async IAsyncEnumerable<S3ObjectInfo> ListObjectsAsync(
        string bucket, ListObjectsOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ListOptions(options);
        var token = options?.ContinuationToken;
        do
        {
            var page = await ListPageAsync(bucket, options, token, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                yield return item;
            }

            token = page.NextContinuationToken;
        }
        while (token is not null);
    }

    /// <inheritdoc />
    /// <remarks>As in the real client, invalid arguments throw at once rather than through the task.</remarks>
    public Task<ListObjectsPage> ListObjectsPageAsync(string bucket, ListObjectsOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ListOptions(options);
        return ListPageAsync(bucket, options, options?.ContinuationToken, cancellationToken);
    }

    private Task<ListObjectsPage> ListPageAsync(string bucket, ListObjectsOptions? options, string? continuationToken, CancellationToken cancellationToken) => Call(
        () => { },
        () =>
        {
            var request = new FakeRequest("ListObjectsV2", bucket);
            return ObjectListing.Page(Bucket(bucket, request), options, continuationToken, request);
        },
        cancellationToken);
}
