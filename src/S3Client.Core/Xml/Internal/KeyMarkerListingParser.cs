using System.Xml;

namespace S3Client.Xml.Internal;

/// <summary>
/// Streams one page of a listing that pages by key marker plus a second marker (ListMultipartUploads: the upload id;
/// ListObjectVersions: the version id): the items in document order, whether the page is truncated and the next
/// markers, with keys URL-decoded when the service says <c>EncodingType=url</c>.
/// </summary>
internal static class KeyMarkerListingParser
{
    /// <param name="body">The response body.</param>
    /// <param name="root">The document element, such as <c>ListVersionsResult</c>.</param>
    /// <param name="nextIdMarker">The element of the second marker, such as <c>NextVersionIdMarker</c>.</param>
    /// <param name="tryReadItem">Reads an item element (the reader on its start), or returns null for any other element.</param>
    /// <param name="decodeKey">Returns the item with its key URL-decoded.</param>
    public static async Task<(List<T> Items, bool Truncated, string? NextKeyMarker, string? NextIdMarker)> ParseAsync<T>(
        Stream body, string root, string nextIdMarker, Func<XmlReader, Task<T>?> tryReadItem, Func<T, T> decodeKey)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, root).ConfigureAwait(false);
        var items = new List<T>();
        string? nextKey = null, nextId = null;
        bool truncated = false, urlEncoded = false;
        await S3XmlText.ReadChildrenAsync(reader, async child =>
        {
            if (tryReadItem(child) is { } item)
            {
                items.Add(await item.ConfigureAwait(false));
                return;
            }

            var name = child.LocalName;
            if (name == "IsTruncated")
            {
                truncated = S3XmlText.ParseBool(await child.ReadElementContentAsStringAsync().ConfigureAwait(false), "IsTruncated");
            }
            else if (name == "NextKeyMarker")
            {
                nextKey = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }
            else if (name == nextIdMarker)
            {
                nextId = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }
            else if (name == "EncodingType")
            {
                urlEncoded = (await child.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim() == "url";
            }
            else
            {
                await child.SkipAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        if (urlEncoded)
        {
            for (var i = 0; i < items.Count; i++)
            {
                items[i] = decodeKey(items[i]);
            }

            nextKey = nextKey is null ? null : S3XmlText.UrlDecode(nextKey);
        }

        return (items, truncated, nextKey, nextId);
    }
}
