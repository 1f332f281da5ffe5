using S3Client.Listing.Internal;

namespace S3Client.Testing.Internal;

/// <summary>One ListObjectsV2 page over a bucket: prefix, delimiter grouping, start key, page size, continuation.</summary>
internal static class ObjectListing
{
    private const int DefaultPageSize = 1000;

    public static ListObjectsPage Page(StoredBucket bucket, ListObjectsOptions? options, string? continuationToken, FakeRequest request)
    {
        var prefix = options?.Prefix ?? string.Empty;
        var delimiter = string.IsNullOrEmpty(options?.Delimiter) ? null : options.Delimiter;
        var pageSize = options?.PageSize ?? DefaultPageSize;
        var marker = string.IsNullOrEmpty(options?.StartAfter) ? null : options.StartAfter;

        // A page that ended on a common prefix continues after every key under it.
        string? lastPrefix = null;
        if (continuationToken is not null)
        {
            marker = lastPrefix = ContinuationToken.Decode(continuationToken, request);
        }

        var objects = new List<S3ObjectInfo>();
        var prefixes = new List<string>();
        string? last = null;
        var truncated = false;
        foreach (var key in bucket.KeysAfter(marker))
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (Utf8KeyComparer.Instance.Compare(key, prefix) > 0)
                {
                    break;
                }

                continue;
            }

            var latest = bucket.Latest(key)!;
            if (latest.IsDeleteMarker)
            {
                continue;
            }

            var common = CommonPrefix(key, prefix, delimiter);
            if (common is not null && common == lastPrefix)
            {
                continue;
            }

            if (objects.Count + prefixes.Count == pageSize)
            {
                truncated = true;
                break;
            }

            if (common is null)
            {
                objects.Add(latest.ToListing());
                last = key;
            }
            else
            {
                prefixes.Add(common);
                last = lastPrefix = common;
            }
        }

        return new ListObjectsPage(objects, prefixes, truncated ? ContinuationToken.Encode(last!) : null);
    }

    private static string? CommonPrefix(string key, string prefix, string? delimiter)
    {
        if (delimiter is null)
        {
            return null;
        }

        var index = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return index < 0 ? null : key[..(index + delimiter.Length)];
    }
}
