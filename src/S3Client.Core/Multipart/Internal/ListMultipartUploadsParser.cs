using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Multipart.Internal;

/// <summary>Streams a <c>&lt;ListMultipartUploadsResult&gt;</c>; returns the next markers when truncated.</summary>
internal static class ListMultipartUploadsParser
{
    public static Task<(List<S3MultipartUploadInfo> Uploads, bool Truncated, string? NextKeyMarker, string? NextUploadIdMarker)> ParseAsync(Stream body) =>
        KeyMarkerListingParser.ParseAsync(
            body,
            "ListMultipartUploadsResult",
            "NextUploadIdMarker",
            static child => child.LocalName == "Upload" ? ReadUploadAsync(child) : null,
            static upload => upload with { Key = S3XmlText.UrlDecode(upload.Key) });

    private static async Task<S3MultipartUploadInfo> ReadUploadAsync(XmlReader upload)
    {
        string key = string.Empty, uploadId = string.Empty;
        DateTimeOffset? initiated = null;
        await S3XmlText.ReadChildrenAsync(upload, async field =>
        {
            switch (field.LocalName)
            {
                case "Key": key = await field.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                case "UploadId": uploadId = await field.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                case "Initiated": initiated = S3XmlText.ParseTimestamp(await field.ReadElementContentAsStringAsync().ConfigureAwait(false)); break;
                default: await field.SkipAsync().ConfigureAwait(false); break;
            }
        }).ConfigureAwait(false);
        return new S3MultipartUploadInfo(key, uploadId, initiated);
    }
}
