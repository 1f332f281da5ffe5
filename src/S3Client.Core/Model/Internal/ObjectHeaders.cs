using System.Net.Http.Headers;

namespace S3Client.Model.Internal;

/// <summary>Reads the object description from response headers, shared by GetObject and HeadObject.</summary>
internal static class ObjectHeaders
{
    private const string MetadataPrefix = "x-amz-meta-";

    public static ObjectMetadata Read(HttpResponseMessage response)
    {
        var content = response.Content.Headers;
        var headers = response.Headers;
        return new ObjectMetadata
        {
            ContentLength = content.ContentLength ?? 0,
            ContentType = content.ContentType?.ToString(),
            ETag = headers.ETag?.ToString() ?? Value(headers, "ETag"),
            LastModified = content.LastModified,
            VersionId = Value(headers, "x-amz-version-id"),
            Metadata = UserMetadata(headers),
            CacheControl = headers.CacheControl?.ToString(),
            ContentDisposition = content.ContentDisposition?.ToString(),
            ContentEncoding = content.ContentEncoding.Count == 0 ? null : string.Join(", ", content.ContentEncoding),
            StorageClass = Value(headers, "x-amz-storage-class"),
        };
    }

    public static string? Value(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

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
