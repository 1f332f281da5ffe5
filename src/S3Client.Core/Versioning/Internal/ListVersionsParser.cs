using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Versioning.Internal;

/// <summary>Streams a <c>&lt;ListVersionsResult&gt;</c> of versions and delete markers in document order.</summary>
internal static class ListVersionsParser
{
    public static async Task<(List<S3ObjectVersion> Versions, bool Truncated, string? NextKeyMarker, string? NextVersionIdMarker)> ParseAsync(Stream body)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "ListVersionsResult").ConfigureAwait(false);
        var versions = new List<S3ObjectVersion>();
        string? nextKey = null, nextVersion = null;
        bool truncated = false, urlEncoded = false;
        await S3XmlText.ReadChildrenAsync(reader, async child =>
        {
            switch (child.LocalName)
            {
                case "Version" or "DeleteMarker":
                    var marker = child.LocalName == "DeleteMarker";
                    string key = string.Empty, version = "null";
                    string? etag = null;
                    var latest = false;
                    long size = 0;
                    DateTimeOffset? modified = null;
                    await S3XmlText.ReadChildrenAsync(child, async field =>
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
                    versions.Add(new S3ObjectVersion(key, version, latest, marker, size, etag, modified));
                    break;
                case "IsTruncated":
                    truncated = S3XmlText.ParseBool(await child.ReadElementContentAsStringAsync().ConfigureAwait(false), "IsTruncated");
                    break;
                case "NextKeyMarker":
                    nextKey = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "NextVersionIdMarker":
                    nextVersion = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "EncodingType":
                    urlEncoded = (await child.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim() == "url";
                    break;
                default:
                    await child.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }).ConfigureAwait(false);

        if (urlEncoded)
        {
            for (var i = 0; i < versions.Count; i++)
            {
                versions[i] = versions[i] with { Key = S3XmlText.UrlDecode(versions[i].Key) };
            }

            nextKey = nextKey is null ? null : S3XmlText.UrlDecode(nextKey);
        }

        return (versions, truncated, nextKey, nextVersion);
    }
}
