using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Tagging.Internal;

/// <summary>Reads and writes the <c>&lt;Tagging&gt;&lt;TagSet&gt;</c> document.</summary>
internal static class TaggingParser
{
    public static async Task<IReadOnlyDictionary<string, string>> ParseAsync(Stream body)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "Tagging").ConfigureAwait(false);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        await S3XmlText.ReadChildrenAsync(reader, async set =>
        {
            if (set.LocalName != "TagSet")
            {
                await set.SkipAsync().ConfigureAwait(false);
                return;
            }

            await S3XmlText.ReadChildrenAsync(set, async tag =>
            {
                string? key = null, value = null;
                await S3XmlText.ReadChildrenAsync(tag, async field =>
                {
                    var name = field.LocalName;
                    var text = await field.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    if (name == "Key")
                    {
                        key = text;
                    }
                    else if (name == "Value")
                    {
                        value = text;
                    }
                }).ConfigureAwait(false);
                if (key is not null)
                {
                    tags[key] = value ?? string.Empty;
                }
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return tags.AsReadOnly();
    }

    public static byte[] Build(IDictionary<string, string> tags) => S3XmlBody.Build("Tagging", writer =>
    {
        writer.WriteStartElement("TagSet");
        foreach (var (key, value) in tags)
        {
            writer.WriteStartElement("Tag");
            writer.WriteElementString("Key", key);
            writer.WriteElementString("Value", value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });
}
