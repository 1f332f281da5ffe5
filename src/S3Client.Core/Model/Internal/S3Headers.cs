using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using S3Client.Signing.Internal;
using S3Client.Validation.Internal;

namespace S3Client.Model.Internal;

/// <summary>Writes request headers from options, validating every value first.</summary>
internal static class S3Headers
{
    public const string CustomerAlgorithm = "x-amz-server-side-encryption-customer-algorithm";
    public const string CustomerKey = "x-amz-server-side-encryption-customer-key";
    public const string CustomerKeyMd5 = "x-amz-server-side-encryption-customer-key-MD5";

    /// <summary>Entity headers (Content-Type, ...) go on <paramref name="content"/>; the rest on the request.</summary>
    public static void ApplyWrite(HttpRequestMessage request, HttpContent content, S3ObjectWriteOptions options)
    {
        Entity(content, "Content-Type", options.ContentType, nameof(options.ContentType));
        Entity(content, "Content-Disposition", options.ContentDisposition, nameof(options.ContentDisposition));
        Entity(content, "Content-Encoding", options.ContentEncoding, nameof(options.ContentEncoding));
        Entity(content, "Content-Language", options.ContentLanguage, nameof(options.ContentLanguage));
        if (options.Expires is { } expires)
        {
            Entity(content, "Expires", expires.ToString("R", CultureInfo.InvariantCulture), nameof(options.Expires));
        }

        Request(request, "Cache-Control", options.CacheControl, nameof(options.CacheControl));
        Request(request, "x-amz-storage-class", options.StorageClass, nameof(options.StorageClass));
        Metadata(request.Headers, options.Metadata);
        if (options.Tags.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("x-amz-tagging", TaggingHeader(options.Tags));
        }

        if (options.ServerSideEncryption is { } sse)
        {
            if (options.CustomerKey is not null)
            {
                throw new ArgumentException("Use either ServerSideEncryption or CustomerKey, not both.", nameof(options));
            }

            Request(request, "x-amz-server-side-encryption", sse.Algorithm, nameof(options.ServerSideEncryption));
            Request(request, "x-amz-server-side-encryption-aws-kms-key-id", sse.KmsKeyId, nameof(options.ServerSideEncryption));
            Request(request, "x-amz-server-side-encryption-context", sse.KmsEncryptionContext, nameof(options.ServerSideEncryption));
        }

        Customer(request, options.CustomerKey, source: false);
    }

    /// <summary>Conditions on the object being read: If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since.</summary>
    public static void Conditions(HttpRequestMessage request, S3ReadConditions conditions, string prefix = "")
    {
        Request(request, prefix + "If-Match", conditions.IfMatch, nameof(conditions.IfMatch));
        Request(request, prefix + "If-None-Match", conditions.IfNoneMatch, nameof(conditions.IfNoneMatch));
        if (conditions.IfModifiedSince is { } modified)
        {
            request.Headers.TryAddWithoutValidation(prefix + "If-Modified-Since", modified.ToString("R", CultureInfo.InvariantCulture));
        }

        if (conditions.IfUnmodifiedSince is { } unmodified)
        {
            request.Headers.TryAddWithoutValidation(prefix + "If-Unmodified-Since", unmodified.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The SSE-C headers (for a copy source with <paramref name="source"/>).</summary>
    public static void Customer(HttpRequestMessage request, S3CustomerKey? key, bool source)
    {
        if (key is null)
        {
            return;
        }

        var prefix = source ? "x-amz-copy-source-" : "x-amz-";
        request.Headers.TryAddWithoutValidation(prefix + CustomerAlgorithm[6..], "AES256");
        request.Headers.TryAddWithoutValidation(prefix + CustomerKey[6..], key.KeyBase64);
        request.Headers.TryAddWithoutValidation(prefix + CustomerKeyMd5[6..], key.KeyMd5);
    }

    public static void Metadata(HttpRequestHeaders headers, IDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            S3Validation.MetadataName(name, nameof(S3ObjectWriteOptions.Metadata));
            S3Validation.HeaderValue(value, "x-amz-meta-" + name, nameof(S3ObjectWriteOptions.Metadata));
            headers.TryAddWithoutValidation("x-amz-meta-" + name, value);
        }
    }

    /// <summary><c>key1=value1&amp;key2=value2</c>, URL-encoded, after checking S3's tag limits.</summary>
    public static string TaggingHeader(IDictionary<string, string> tags)
    {
        S3Validation.Tags(tags);
        var builder = new StringBuilder();
        foreach (var (key, value) in tags)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            S3UriEncoding.Append(builder, key, keepSlash: false);
            builder.Append('=');
            S3UriEncoding.Append(builder, value, keepSlash: false);
        }

        return builder.ToString();
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

    private static void Entity(HttpContent content, string name, string? value, string paramName)
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
