namespace S3Client;

/// <summary>What to list: a prefix, a delimiter to group keys into common prefixes, where to start, page size.</summary>
public sealed class ListObjectsOptions
{
    /// <summary>Only keys that start with this prefix.</summary>
    public string? Prefix { get; set; }

    /// <summary>Groups keys that contain this string after the prefix into common prefixes (usually <c>/</c>).</summary>
    public string? Delimiter { get; set; }

    /// <summary>Starts after this key (in UTF-8 binary order).</summary>
    public string? StartAfter { get; set; }

    /// <summary>Keys per request, 1 to 1000; the service default (1000) when null.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// The token of the page to fetch, from <see cref="ListObjectsPage.NextContinuationToken"/>; used by
    /// <see cref="IS3Client.ListObjectsPageAsync"/> only.
    /// </summary>
    public string? ContinuationToken { get; set; }
}
