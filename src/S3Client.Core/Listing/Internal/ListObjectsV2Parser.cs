using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Listing.Internal;

/// <summary>
/// Streams a ListObjectsV2 <c>&lt;ListBucketResult&gt;</c> with XmlReader. Namespaces are ignored (s3rver uses a
/// non-AWS one). Keys are URL-decoded only when the response says <c>&lt;EncodingType&gt;url&lt;/EncodingType&gt;</c>,
/// which may come after the keys, so a server that ignores <c>encoding-type</c> never has its raw keys decoded.
/// </summary>
internal static class ListObjectsV2Parser
{
    public static async Task<ListObjectsPage> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "ListBucketResult").ConfigureAwait(false);
        var objects = new List<S3ObjectInfo>();
        var prefixes = new List<string>();
        string? next = null;
        var truncated = false;
        var urlEncoded = false;

        if (!reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType != XmlNodeType.Element)
                {
                    await reader.ReadAsync().ConfigureAwait(false);
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Contents":
                        objects.Add(await ReadObjectAsync(reader).ConfigureAwait(false));
                        break;
                    case "CommonPrefixes":
                        var prefix = await ReadChildTextAsync(reader, "Prefix").ConfigureAwait(false);
                        if (prefix is not null)
                        {
                            prefixes.Add(prefix);
                        }

                        break;
                    case "IsTruncated":
                        truncated = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim() == "true";
                        break;
                    case "NextContinuationToken":
                        next = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                        break;
                    case "EncodingType":
                        urlEncoded = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim() == "url";
                        break;
                    default:
                        await reader.SkipAsync().ConfigureAwait(false);
                        break;
                }
            }
        }

        if (urlEncoded)
        {
            for (var i = 0; i < objects.Count; i++)
            {
                objects[i] = objects[i] with { Key = S3XmlText.UrlDecode(objects[i].Key) };
            }

            for (var i = 0; i < prefixes.Count; i++)
            {
                prefixes[i] = S3XmlText.UrlDecode(prefixes[i]);
            }
        }

        if (truncated && string.IsNullOrEmpty(next))
        {
            throw new InvalidDataException("The listing says it is truncated but gives no NextContinuationToken.");
        }

        return new ListObjectsPage(objects, prefixes, truncated ? next : null);
    }

    private static async Task<S3ObjectInfo> ReadObjectAsync(XmlReader reader)
    {
        string key = string.Empty;
        string? etag = null, storageClass = null;
        long size = 0;
        var modified = DateTimeOffset.MinValue;
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            return new S3ObjectInfo(key, size, etag, modified, storageClass);
        }

        await reader.ReadAsync().ConfigureAwait(false);
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            switch (reader.LocalName)
            {
                case "Key": key = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                case "Size": size = S3XmlText.ParseLong(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)); break;
                case "ETag": etag = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                case "LastModified": modified = S3XmlText.ParseTimestamp(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)); break;
                case "StorageClass": storageClass = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                default: await reader.SkipAsync().ConfigureAwait(false); break;
            }
        }

        await reader.ReadAsync().ConfigureAwait(false);
        return new S3ObjectInfo(key, size, etag, modified, storageClass);
    }

    private static async Task<string?> ReadChildTextAsync(XmlReader reader, string child)
    {
        string? value = null;
        await S3XmlText.ReadChildrenAsync(reader, async element =>
        {
            if (element.LocalName == child)
            {
                value = await element.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }
            else
            {
                await element.SkipAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return value;
    }
}
