namespace S3Client.Listing.Internal;

/// <summary>
/// Orders strings as S3 orders keys: by their UTF-8 bytes, which is Unicode code point order. Ordinal UTF-16 order
/// differs for characters above U+FFFF (surrogate pairs), which must sort after U+E000..U+FFFF.
/// </summary>
internal sealed class Utf8KeyComparer : IComparer<string>
{
    public static readonly Utf8KeyComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointOrder(x[i]) - CodePointOrder(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Moves surrogates (U+D800..U+DFFF) above U+E000..U+FFFF, so UTF-16 units compare like the code points they encode.
    private static int CodePointOrder(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
