using System.Globalization;

namespace S3Client.Model.Internal;

/// <summary>
/// The <c>Content-Range</c> of a 206 answer, <c>bytes first-last/total</c>, and the check that it is exactly the range
/// that was asked for: a server or proxy that answers another range (or ignores the Range header) must cause an error,
/// never bytes from the wrong place.
/// </summary>
internal readonly record struct ContentRange(long First, long Last, long Total)
{
    public long Length => Last - First + 1;

    /// <summary>
    /// Checks an answer to <paramref name="asked"/>: its Content-Range must be what S3 sends for that range of an
    /// object of the size it states (the end clipped to the object, a suffix longer than the object the whole
    /// object), and its Content-Length the length of that range.
    /// </summary>
    /// <exception cref="InvalidDataException">The answer is not exactly the range asked for.</exception>
    public static ContentRange Verify(S3ByteRange asked, string? contentRange, long? contentLength)
    {
        if (contentRange is null)
        {
            throw new InvalidDataException($"The answer to Range {asked} has no Content-Range: it is not the range asked for.");
        }

        var got = Parse(contentRange);
        var (first, last) = asked.First is { } start
            ? (start, Math.Min(asked.Last ?? long.MaxValue, got.Total - 1))
            : (Math.Max(0, got.Total - asked.Last!.Value), got.Total - 1);
        if (got.First != first || got.Last != last)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The answer to Range {asked} is for bytes {got.First}-{got.Last}/{got.Total}; an object of {got.Total} bytes should have given bytes {first}-{last}."));
        }

        if (contentLength != got.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The answer for bytes {got.First}-{got.Last} announces {(contentLength is { } n ? n + " bytes" : "no Content-Length")} instead of {got.Length}."));
        }

        return got;
    }

    /// <summary>Parses <c>bytes first-last/total</c> strictly (digits only, first &lt;= last &lt; total).</summary>
    /// <exception cref="InvalidDataException">The value is anything else, including an unknown total (<c>/*</c>).</exception>
    public static ContentRange Parse(string value)
    {
        var span = value.AsSpan().Trim(' ');
        if (span.StartsWith("bytes "))
        {
            span = span[6..];
            var dash = span.IndexOf('-');
            var slash = span.IndexOf('/');
            if (dash > 0 && slash > dash
                && StrictHeaders.TryDigits(span[..dash], out var first) && StrictHeaders.TryDigits(span[(dash + 1)..slash], out var last) && StrictHeaders.TryDigits(span[(slash + 1)..], out var total)
                && first <= last && last < total)
            {
                return new ContentRange(first, last, total);
            }
        }

        throw StrictHeaders.Invalid("Content-Range", value, "it is not 'bytes first-last/total' for a range inside the object");
    }
}
