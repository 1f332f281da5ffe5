using System.Runtime.CompilerServices;
using S3Client.Listing.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Listing: objects (ListObjectsV2), buckets, bucket existence.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async IAsyncEnumerable<S3ObjectInfo> ListObjectsAsync(
        string bucket, ListObjectsOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ListOptions(options);
        var token = options?.ContinuationToken;
        var markers = new PageMarkers("ListObjectsV2", "NextContinuationToken", token);
        do
        {
            var page = await ListPageCoreAsync(bucket, options, token, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                yield return item;
            }

            token = markers.Next(page.NextContinuationToken is not null, page.NextContinuationToken);
        }
        while (token is not null);
    }

    /// <inheritdoc />
    public async Task<ListObjectsPage> ListObjectsPageAsync(string bucket, ListObjectsOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ListOptions(options);
        var page = await ListPageCoreAsync(bucket, options, options?.ContinuationToken, cancellationToken).ConfigureAwait(false);

        // A page that points back at itself would make the caller's own loop endless.
        new PageMarkers("ListObjectsV2", "NextContinuationToken", options?.ContinuationToken).Next(page.NextContinuationToken is not null, page.NextContinuationToken);
        return page;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<S3BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(HttpMethod.Get, "ListBuckets", bucket: null, key: null, answer: S3AnswerMode.Stream);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await ListBucketsParser.ParseAsync(body).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        using var request = CreateRequest(HttpMethod.Head, "HeadBucket", bucket, key: null, notFoundIsExpected: true);
        try
        {
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (S3NotFoundException)
        {
            return false;
        }
    }

    private async Task<ListObjectsPage> ListPageCoreAsync(string bucket, ListObjectsOptions? options, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string?>>(7) { new("list-type", "2"), new("encoding-type", "url") };
        if (continuationToken is not null)
        {
            query.Add(new("continuation-token", continuationToken));
        }

        if (options is not null)
        {
            AddIfSet(query, "prefix", options.Prefix);
            AddIfSet(query, "delimiter", options.Delimiter);
            AddIfSet(query, "start-after", options.StartAfter);
            if (options.PageSize is { } size)
            {
                query.Add(new("max-keys", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        using var request = CreateRequest(HttpMethod.Get, "ListObjectsV2", bucket, key: null, query, S3AnswerMode.Stream);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await ListObjectsV2Parser.ParseAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddIfSet(List<KeyValuePair<string, string?>> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new(name, value));
        }
    }
}
