namespace S3Client;

/// <summary>One page of a ListObjectsV2 listing. Collections are never null.</summary>
public sealed class ListObjectsPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="objects">The objects of the page, in key order.</param>
    /// <param name="commonPrefixes">The prefixes that group keys by the delimiter.</param>
    /// <param name="nextContinuationToken">The token of the next page, or null on the last page.</param>
    public ListObjectsPage(IReadOnlyList<S3ObjectInfo> objects, IReadOnlyList<string> commonPrefixes, string? nextContinuationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(commonPrefixes);
        Objects = objects;
        CommonPrefixes = commonPrefixes;
        NextContinuationToken = nextContinuationToken;
    }

    /// <summary>The objects of the page, in key order.</summary>
    public IReadOnlyList<S3ObjectInfo> Objects { get; }

    /// <summary>The prefixes that group keys by the delimiter (like folders), in order.</summary>
    public IReadOnlyList<string> CommonPrefixes { get; }

    /// <summary>The token of the next page, or null on the last page.</summary>
    public string? NextContinuationToken { get; }

    /// <summary>Whether more pages follow.</summary>
    public bool IsTruncated => NextContinuationToken is not null;
}
