using System.Globalization;
using System.Xml;
using S3Client.Signing.Internal;

namespace S3Client.Xml.Internal;

/// <summary>Small helpers shared by the response parsers.</summary>
internal static class S3XmlText
{
    /// <summary>Decodes an <c>encoding-type=url</c> value: <c>%XX</c> escapes and <c>+</c> for space.</summary>
    public static string UrlDecode(string value) => S3UriEncoding.Decode(value, plusIsSpace: true);

    /// <summary>
    /// Entity tags in the quoted form S3 uses in headers (<c>"abc"</c>); some servers (Ceph RGW) leave the quotes out of
    /// XML results. Empty means unknown.
    /// </summary>
    public static string? QuotedETag(string? etag) => string.IsNullOrEmpty(etag)
        ? null
        : etag[0] == '"' || etag.StartsWith("W/\"", StringComparison.Ordinal) ? etag : string.Concat("\"", etag, "\"");

    public static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static long ParseLong(string value) => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Moves to the document element and checks its local name (namespaces are ignored).</summary>
    public static async Task ExpectRootAsync(XmlReader reader, string localName)
    {
        await reader.MoveToContentAsync().ConfigureAwait(false);
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != localName)
        {
            throw new InvalidDataException($"Expected an S3 <{localName}> document but got <{reader.LocalName}>.");
        }
    }

    /// <summary>
    /// Calls <paramref name="onChild"/> for each child element of the element the reader is on; the callback must
    /// consume the child (read its content or skip it). Leaves the reader after the element's end tag.
    /// </summary>
    public static async Task ReadChildrenAsync(XmlReader reader, Func<XmlReader, Task> onChild)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            return;
        }

        await reader.ReadAsync().ConfigureAwait(false);
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                await onChild(reader).ConfigureAwait(false);
            }
            else
            {
                await reader.ReadAsync().ConfigureAwait(false);
            }
        }

        await reader.ReadAsync().ConfigureAwait(false);
    }
}
