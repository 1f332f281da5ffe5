using System.Globalization;

namespace S3Client;

/// <summary>A single byte range of an object: <c>bytes=first-last</c>, <c>bytes=first-</c> or a suffix <c>bytes=-count</c>.</summary>
public readonly record struct S3ByteRange
{
    private S3ByteRange(long? first, long? last)
    {
        First = first;
        Last = last;
    }

    /// <summary>The first byte offset, or null for a suffix range.</summary>
    public long? First { get; }

    /// <summary>The last byte offset (inclusive), the suffix length for a suffix range, or null to read to the end.</summary>
    public long? Last { get; }

    /// <summary>Bytes <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    /// <param name="first">The first byte offset (0-based).</param>
    /// <param name="last">The last byte offset, inclusive.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An offset is negative or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static S3ByteRange Between(long first, long last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return new S3ByteRange(first, last);
    }

    /// <summary>From <paramref name="first"/> to the end of the object.</summary>
    /// <param name="first">The first byte offset (0-based).</param>
    /// <returns>The range.</returns>
    public static S3ByteRange StartingAt(long first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        return new S3ByteRange(first, null);
    }

    /// <summary>The last <paramref name="count"/> bytes of the object (a suffix range).</summary>
    /// <param name="count">How many bytes, at least 1.</param>
    /// <returns>The range.</returns>
    public static S3ByteRange LastBytes(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new S3ByteRange(null, count);
    }

    /// <summary>The <c>Range</c> header value.</summary>
    /// <returns>For example <c>bytes=0-99</c>.</returns>
    public override string ToString() => First switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"bytes=-{Last}"),
        _ when Last is null => string.Create(CultureInfo.InvariantCulture, $"bytes={First}-"),
        _ => string.Create(CultureInfo.InvariantCulture, $"bytes={First}-{Last}"),
    };
}
