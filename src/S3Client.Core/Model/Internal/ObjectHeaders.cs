using System.Net.Http.Headers;

namespace S3Client.Model.Internal;

/// <summary>Reads the object description from response headers, shared by GetObject and HeadObject.</summary>
internal static class ObjectHeaders
{
    private const string MetadataPrefix = "x-amz-meta-";

    /// <summary>
    /// The object description; <paramref name="contentLength"/> is the length already read (strictly) from the answer.
    /// Headers that do not parse are errors (see <see cref="StrictHeaders"/>).
    /// </summary>
    public static ObjectMetadata Read(HttpResponseMessage response, long contentLength)
    {
        var content = response.Content.Headers;
        var headers = response.Headers;
        return new ObjectMetadata
        {
            ContentLength = contentLength,
            ContentType = content.ContentType?.ToString(),
            ETag = StrictHeaders.ETag(headers),
            LastModified = StrictHeaders.LastModified(content),
            VersionId = StrictHeaders.Single(headers, "x-amz-version-id"),
            Metadata = UserMetadata(headers),
            CacheControl = headers.CacheControl?.ToString(),
            ContentDisposition = content.ContentDisposition?.ToString(),
            ContentEncoding = content.ContentEncoding.Count == 0 ? null : string.Join(", ", content.ContentEncoding),
            StorageClass = StrictHeaders.Single(headers, "x-amz-storage-class"),
        };
    }

    private static IReadOnlyDictionary<string, string> UserMetadata(HttpResponseHeaders headers)
    {
        Dictionary<string, string>? metadata = null;
        foreach (var header in headers.NonValidated)
        {
            if (header.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                metadata[header.Key[MetadataPrefix.Length..]] = header.Value.ToString();
            }
        }

        return metadata is null ? EmptyMetadata.Instance : metadata.AsReadOnly();
    }
}
