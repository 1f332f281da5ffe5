using System.Net.Http.Headers;
using S3Client.Validation.Internal;

namespace S3Client.Model.Internal;

/// <summary>Writes request headers from options, validating every value first.</summary>
internal static class S3Headers
{
    public static void Apply(HttpRequestMessage request, HttpContent content, PutObjectOptions options)
    {
        Content(content, "Content-Type", options.ContentType, nameof(options.ContentType));
        Content(content, "Content-Disposition", options.ContentDisposition, nameof(options.ContentDisposition));
        Content(content, "Content-Encoding", options.ContentEncoding, nameof(options.ContentEncoding));
        Request(request, "Cache-Control", options.CacheControl, nameof(options.CacheControl));
        Request(request, "x-amz-storage-class", options.StorageClass, nameof(options.StorageClass));
        Metadata(request.Headers, options.Metadata);
    }

    public static void Metadata(HttpRequestHeaders headers, IDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            S3Validation.MetadataName(name, nameof(PutObjectOptions.Metadata));
            S3Validation.HeaderValue(value, "x-amz-meta-" + name, nameof(PutObjectOptions.Metadata));
            headers.TryAddWithoutValidation("x-amz-meta-" + name, value);
        }
    }

    public static void Request(HttpRequestMessage request, string name, string? value, string paramName)
    {
        if (value is null)
        {
            return;
        }

        S3Validation.HeaderValue(value, name, paramName);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    public static void Content(HttpContent content, string name, string? value, string paramName)
    {
        if (value is null)
        {
            return;
        }

        S3Validation.HeaderValue(value, name, paramName);
        if (!content.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"'{value}' is not a valid {name} value.", paramName);
        }
    }
}
