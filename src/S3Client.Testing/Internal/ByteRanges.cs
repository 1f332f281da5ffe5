namespace S3Client.Testing.Internal;

/// <summary>Resolves a byte range against an object's length as S3 does.</summary>
internal static class ByteRanges
{
    /// <summary>
    /// The first and last byte of <paramref name="range"/> in an object of <paramref name="length"/> bytes: the end is
    /// clipped to the object and a suffix longer than the object is the whole object; a start past the end, or any
    /// range of an empty object, is not satisfiable (416 <c>InvalidRange</c>).
    /// </summary>
    public static (long First, long Last) Resolve(S3ByteRange range, long length, FakeRequest request)
    {
        if (length == 0)
        {
            throw request.InvalidRange();
        }

        if (range.First is not { } first)
        {
            return (Math.Max(0, length - range.Last!.Value), length - 1);
        }

        if (first >= length)
        {
            throw request.InvalidRange();
        }

        return (first, Math.Min(range.Last ?? (length - 1), length - 1));
    }
}
