namespace S3Client.Listing.Internal;

/// <summary>
/// Follows the markers of a paginated listing and refuses the two answers that would make it loop or stop early
/// without saying so: a truncated page without a marker, and a marker the listing has already given (a server or proxy
/// repeating pages). Both are <see cref="InvalidDataException"/>s, never an endless listing or a silently short one.
/// </summary>
internal sealed class PageMarkers
{
    private readonly string _operation;
    private readonly string _markerName;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <param name="operation">The S3 operation, for messages.</param>
    /// <param name="markerName">The response element(s) that carry the marker, for messages.</param>
    /// <param name="start">The marker the listing starts from, if the caller gave one.</param>
    public PageMarkers(string operation, string markerName, string? start = null)
    {
        _operation = operation;
        _markerName = markerName;
        if (start is not null)
        {
            _seen.Add(start);
        }
    }

    /// <summary>Joins two markers (key and version or upload id) into one value to compare.</summary>
    public static string Pair(string first, string? second) => string.Concat(first, "\0", second);

    /// <summary>The marker of the next page, or null when this page was the last.</summary>
    /// <exception cref="InvalidDataException">A truncated page has no marker, or the marker repeats an earlier one.</exception>
    public string? Next(bool truncated, string? marker)
    {
        if (!truncated)
        {
            return null;
        }

        if (string.IsNullOrEmpty(marker))
        {
            throw new InvalidDataException($"{_operation} says the listing is truncated but gives no {_markerName} to continue from; stopped instead of returning a short listing.");
        }

        if (!_seen.Add(marker))
        {
            throw new InvalidDataException($"{_operation} returned a {_markerName} it had already given: the service is repeating pages; stopped instead of listing forever.");
        }

        return marker;
    }
}
