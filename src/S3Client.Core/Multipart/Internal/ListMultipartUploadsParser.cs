using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Multipart.Internal;

/// <summary>Streams a <c>&lt;ListMultipartUploadsResult&gt;</c>; returns the next markers when truncated.</summary>
internal static class ListMultipartUploadsParser
{
    public static async Task<(List<S3MultipartUploadInfo> Uploads, bool Truncated, string? NextKeyMarker, string? NextUploadIdMarker)> ParseAsync(Stream body)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "ListMultipartUploadsResult").ConfigureAwait(false);
        var uploads = new List<S3MultipartUploadInfo>();
        string? nextKey = null, nextUpload = null;
        var truncated = false;
        var urlEncoded = false;
        await S3XmlText.ReadChildrenAsync(reader, async child =>
        {
            switch (child.LocalName)
            {
                case "Upload":
                    string key = string.Empty, uploadId = string.Empty;
                    DateTimeOffset? initiated = null;
                    await S3XmlText.ReadChildrenAsync(child, async field =>
                    {
                        switch (field.LocalName)
                        {
                            case "Key": key = await field.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                            case "UploadId": uploadId = await field.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                            case "Initiated": initiated = S3XmlText.ParseTimestamp(await field.ReadElementContentAsStringAsync().ConfigureAwait(false)); break;
                            default: await field.SkipAsync().ConfigureAwait(false); break;
                        }
                    }).ConfigureAwait(false);
                    uploads.Add(new S3MultipartUploadInfo(key, uploadId, initiated));
                    break;
                case "IsTruncated":
                    truncated = S3XmlText.ParseBool(await child.ReadElementContentAsStringAsync().ConfigureAwait(false), "IsTruncated");
                    break;
                case "NextKeyMarker":
                    nextKey = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "NextUploadIdMarker":
                    nextUpload = await child.ReadElementContentAsStringAsync().ConfigureAwait(false);
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
            for (var i = 0; i < uploads.Count; i++)
            {
                uploads[i] = uploads[i] with { Key = S3XmlText.UrlDecode(uploads[i].Key) };
            }

            nextKey = nextKey is null ? null : S3XmlText.UrlDecode(nextKey);
        }

        return (uploads, truncated, nextKey, nextUpload);
    }
}
