using System.Buffers.Text;
using System.Net;
using System.Text;

namespace S3Client.Benchmarks.Micro;

/// <summary>
/// The baseline for the listing benchmark: a single-purpose scanner over the UTF-8 bytes of a ListObjectsV2 page that
/// produces the same <see cref="S3ObjectInfo"/> records as our parser, without an XML reader. It assumes the shape S3
/// sends (no CDATA, no comments inside elements, timestamps as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>); it is what a
/// purpose-built parser could reach, not a conforming XML parser.
/// </summary>
public static class HandRolledListParser
{
    public static ListObjectsPage Parse(ReadOnlySpan<byte> xml)
    {
        var objects = new List<S3ObjectInfo>(1000);
        string? next = null;
        var truncated = false;
        var rest = xml;
        while (true)
        {
            var start = rest.IndexOf("<Contents>"u8);
            if (start < 0)
            {
                break;
            }

            var end = rest[start..].IndexOf("</Contents>"u8);
            var contents = rest.Slice(start + 10, end - 10);
            var key = Text(Element(contents, "Key"u8));
            Utf8Parser.TryParse(Element(contents, "Size"u8), out long size, out _);
            var etag = Text(Element(contents, "ETag"u8));
            var modified = Timestamp(Element(contents, "LastModified"u8));
            var storage = Element(contents, "StorageClass"u8);
            objects.Add(new S3ObjectInfo(key, size, etag, modified, storage.SequenceEqual("STANDARD"u8) ? "STANDARD" : Text(storage)));
            rest = rest[(start + end + 11)..];
        }

        var token = Element(rest, "NextContinuationToken"u8);
        if (!token.IsEmpty)
        {
            next = Text(token);
        }

        truncated = Element(xml[..Math.Min(xml.Length, 1024)], "IsTruncated"u8).SequenceEqual("true"u8);
        return new ListObjectsPage(objects, [], truncated ? next : null);
    }

    private static ReadOnlySpan<byte> Element(ReadOnlySpan<byte> xml, ReadOnlySpan<byte> name)
    {
        Span<byte> open = stackalloc byte[name.Length + 2];
        open[0] = (byte)'<';
        name.CopyTo(open[1..]);
        open[^1] = (byte)'>';
        var start = xml.IndexOf(open);
        if (start < 0)
        {
            return [];
        }

        var value = xml[(start + open.Length)..];
        return value[..value.IndexOf((byte)'<')];
    }

    private static string Text(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        return value.Contains((byte)'&') ? WebUtility.HtmlDecode(text) : text;
    }

    private static DateTimeOffset Timestamp(ReadOnlySpan<byte> value)
    {
        // 2026-03-14T09:26:53.000Z
        static int Digits(ReadOnlySpan<byte> s, int start, int count)
        {
            var n = 0;
            for (var i = start; i < start + count; i++)
            {
                n = (n * 10) + (s[i] - '0');
            }

            return n;
        }

        return new DateTimeOffset(Digits(value, 0, 4), Digits(value, 5, 2), Digits(value, 8, 2), Digits(value, 11, 2), Digits(value, 14, 2),
            Digits(value, 17, 2), value.Length >= 23 ? Digits(value, 20, 3) : 0, TimeSpan.Zero);
    }
}
