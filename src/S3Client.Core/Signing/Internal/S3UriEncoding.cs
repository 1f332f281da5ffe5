using System.Buffers;
using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>
/// The one RFC 3986 encoder used for object keys, query strings and canonical requests: UTF-8 bytes, unreserved
/// characters (<c>A-Z a-z 0-9 - _ . ~</c>) kept, everything else <c>%XX</c> with upper-case hex.
/// </summary>
internal static class S3UriEncoding
{
    private const string HexUpper = "0123456789ABCDEF";

    /// <summary>Encodes a path (object key) keeping <c>/</c>; no normalisation of <c>.</c>, <c>..</c> or <c>//</c>.</summary>
    public static string EncodePath(string value) => Encode(value, keepSlash: true);

    /// <summary>Encodes a query-string name or value (space is <c>%20</c>, <c>/</c> is <c>%2F</c>).</summary>
    public static string EncodeQueryComponent(string value) => Encode(value, keepSlash: false);

    public static bool IsUnreserved(byte b) =>
        (uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9 || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    public static string Encode(string value, bool keepSlash)
    {
        if (!NeedsEncoding(value, keepSlash))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        Append(builder, value, keepSlash);
        return builder.ToString();
    }

    /// <summary>Appends the encoded form of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<char> value, bool keepSlash)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var bytes = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var count = Encoding.UTF8.GetBytes(value, bytes);
            foreach (var b in bytes[..count])
            {
                if (IsUnreserved(b) || (keepSlash && b == '/'))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Decodes <c>%XX</c> escapes (a malformed escape is kept literally) and interprets the bytes as UTF-8.
    /// <c>+</c> is a literal plus, as S3 treats it in canonical requests, unless <paramref name="plusIsSpace"/>
    /// (the form encoding of <c>encoding-type=url</c> listings).
    /// </summary>
    public static string Decode(ReadOnlySpan<char> value, bool plusIsSpace = false)
    {
        if (plusIsSpace ? value.IndexOfAny('%', '+') < 0 : !value.Contains('%'))
        {
            return value.ToString();
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '+' && plusIsSpace)
                {
                    bytes[count++] = (byte)' ';
                }
                else if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
                {
                    bytes[count++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
                    i += 2;
                }
                else
                {
                    count += Encoding.UTF8.GetBytes(value.Slice(i, char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1), bytes.AsSpan(count));
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length)
                    {
                        i++;
                    }
                }
            }

            return Encoding.UTF8.GetString(bytes, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool NeedsEncoding(string value, bool keepSlash)
    {
        foreach (var c in value)
        {
            if (c > 0x7F || !(IsUnreserved((byte)c) || (keepSlash && c == '/')))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
