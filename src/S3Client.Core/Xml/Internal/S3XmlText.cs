using System.Globalization;
using System.Xml;

namespace S3Client.Xml.Internal;

/// <summary>Small helpers shared by the response parsers.</summary>
internal static class S3XmlText
{
    /// <summary>
    /// Decodes an <c>encoding-type=url</c> value: <c>%XX</c> escapes and <c>+</c> for space; escapes that do not make
    /// valid UTF-8 are an <see cref="InvalidDataException"/>.
    /// </summary>
    public static string UrlDecode(string value) =>
        value.AsSpan().IndexOfAny('%', '+') < 0 ? value : Utf8XmlScanner.Decode(System.Text.Encoding.UTF8.GetBytes(value), cdata: true, urlDecode: true);

    /// <summary>
    /// Entity tags in the quoted form S3 uses in headers (<c>"abc"</c>); some servers (Ceph RGW) leave the quotes out of
    /// XML results. Empty means unknown.
    /// </summary>
    public static string? QuotedETag(string? etag) => string.IsNullOrEmpty(etag)
        ? null
        : etag[0] == '"' || etag.StartsWith("W/\"", StringComparison.Ordinal) ? etag : string.Concat("\"", etag, "\"");

    /// <summary>An ISO 8601 timestamp as S3 writes them; anything else is an error, not a default date.</summary>
    public static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            ? timestamp
            : throw new InvalidDataException($"'{Shown(value)}' is not a timestamp.");

    /// <summary><c>true</c> or <c>false</c>; anything else is an error, not false (a listing must not end early on a typo).</summary>
    public static bool ParseBool(string value, string element) => value.Trim() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new InvalidDataException($"<{element}> is '{Shown(value)}', neither true nor false."),
    };

    /// <summary>A value short enough to quote in an error message.</summary>
    public static string Shown(string value) => value.Length > 32 ? string.Concat(value.AsSpan(0, 32), "...") : value;

    /// <summary>A size in bytes: digits only, no sign; a negative or unparsable size is an error.</summary>
    public static long ParseSize(string value) =>
        Model.Internal.StrictHeaders.TryDigits(value.AsSpan().Trim(), out var size) ? size : throw new InvalidDataException($"'{Shown(value)}' is not a size in bytes.");

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
