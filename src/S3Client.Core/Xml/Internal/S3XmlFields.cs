using System.Xml;

namespace S3Client.Xml.Internal;

/// <summary>Reads the text children of a small result document (Copy, Initiate, Complete) into a dictionary.</summary>
internal static class S3XmlFields
{
    public static async Task<Dictionary<string, string>> ReadAsync(Stream body, string root)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, root).ConfigureAwait(false);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        await S3XmlText.ReadChildrenAsync(reader, async child =>
        {
            var name = child.LocalName;
            fields[name] = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return fields;
    }
}
