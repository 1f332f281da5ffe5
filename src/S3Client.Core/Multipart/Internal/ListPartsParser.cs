using System.Globalization;
using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Multipart.Internal;

/// <summary>Streams a <c>&lt;ListPartsResult&gt;</c>; returns the next part-number marker when truncated.</summary>
internal static class ListPartsParser
{
    public static async Task<(List<S3PartInfo> Parts, bool Truncated, string? NextMarker)> ParseAsync(Stream body)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "ListPartsResult").ConfigureAwait(false);
        var parts = new List<S3PartInfo>();
        string? next = null;
        var truncated = false;
        await S3XmlText.ReadChildrenAsync(reader, async child =>
        {
            switch (child.LocalName)
            {
                case "Part":
                    int number = 0;
                    string etag = string.Empty;
                    long size = 0;
                    DateTimeOffset? modified = null;
                    await S3XmlText.ReadChildrenAsync(child, async field =>
                    {
                        var name = field.LocalName;
                        var text = await field.ReadElementContentAsStringAsync().ConfigureAwait(false);
                        switch (name)
                        {
                            case "PartNumber": number = PartNumber(text, name); break;
                            case "ETag": etag = text; break;
                            case "Size": size = S3XmlText.ParseSize(text); break;
                            case "LastModified": modified = S3XmlText.ParseTimestamp(text); break;
                        }
                    }).ConfigureAwait(false);
                    parts.Add(new S3PartInfo(number, etag, size, modified));
                    break;
                case "IsTruncated":
                    truncated = S3XmlText.ParseBool(await child.ReadElementContentAsStringAsync().ConfigureAwait(false), "IsTruncated");
                    break;
                case "NextPartNumberMarker":
                    var marker = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    next = marker.Length == 0 ? null : PartNumber(marker, "NextPartNumberMarker").ToString(CultureInfo.InvariantCulture);
                    break;
                default:
                    await child.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }).ConfigureAwait(false);
        return (parts, truncated, next);
    }

    // Part numbers run from 0 (a marker before the first part) to 10,000; anything else is a broken answer.
    private static int PartNumber(string text, string element) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 10_000
            ? number
            : throw new InvalidDataException($"<{element}> '{S3XmlText.Shown(text)}' is not a part number.");
}
