using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Batch.Internal;

/// <summary>Streams a DeleteObjects <c>&lt;DeleteResult&gt;</c>.</summary>
internal static class DeleteResultParser
{
    public static async Task ParseAsync(Stream body, List<S3DeletedObject> deleted, List<S3DeleteError> errors)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "DeleteResult").ConfigureAwait(false);
        await S3XmlText.ReadChildrenAsync(reader, async entry =>
        {
            var kind = entry.LocalName;
            if (kind is not ("Deleted" or "Error"))
            {
                await entry.SkipAsync().ConfigureAwait(false);
                return;
            }

            string key = string.Empty;
            string? version = null, marker = null, code = null, message = null;
            await S3XmlText.ReadChildrenAsync(entry, async field =>
            {
                var name = field.LocalName;
                var text = await field.ReadElementContentAsStringAsync().ConfigureAwait(false);
                switch (name)
                {
                    case "Key": key = text; break;
                    case "VersionId": version = text; break;
                    case "DeleteMarkerVersionId": marker = text; break;
                    case "Code": code = text; break;
                    case "Message": message = text; break;
                }
            }).ConfigureAwait(false);

            if (kind == "Deleted")
            {
                deleted.Add(new S3DeletedObject(key, version, marker));
            }
            else
            {
                errors.Add(new S3DeleteError(key, version, code ?? "Unknown", message));
            }
        }).ConfigureAwait(false);
    }
}
