using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Versioning.Internal;

/// <summary>Streams a <c>&lt;ListVersionsResult&gt;</c> of versions and delete markers in document order.</summary>
internal static class ListVersionsParser
{
    public static Task<(List<S3ObjectVersion> Versions, bool Truncated, string? NextKeyMarker, string? NextVersionIdMarker)> ParseAsync(Stream body) =>
        KeyMarkerListingParser.ParseAsync(
            body,
            "ListVersionsResult",
            "NextVersionIdMarker",
            static child => child.LocalName is "Version" or "DeleteMarker" ? ReadVersionAsync(child) : null,
            static version => version with { Key = S3XmlText.UrlDecode(version.Key) });

    private static async Task<S3ObjectVersion> ReadVersionAsync(XmlReader entry)
    {
        var marker = entry.LocalName == "DeleteMarker";
        string key = string.Empty, version = "null";
        string? etag = null;
        var latest = false;
        long size = 0;
        DateTimeOffset? modified = null;
        await S3XmlText.ReadChildrenAsync(entry, async field =>
        {
            if (field.LocalName == "Owner")
            {
                await field.SkipAsync().ConfigureAwait(false);
                return;
            }

            var name = field.LocalName;
            var text = await field.ReadElementContentAsStringAsync().ConfigureAwait(false);
            switch (name)
            {
                case "Key": key = text; break;
                case "VersionId": version = text; break;
                case "IsLatest": latest = S3XmlText.ParseBool(text, name); break;
                case "Size": size = S3XmlText.ParseSize(text); break;
                case "ETag": etag = text; break;
                case "LastModified": modified = S3XmlText.ParseTimestamp(text); break;
            }
        }).ConfigureAwait(false);
        return new S3ObjectVersion(key, version, latest, marker, size, etag, modified);
    }
}
