using System.Globalization;
using S3Client.Validation.Internal;

namespace S3Client.Presigning.Internal;

/// <summary>
/// The checked arguments of a presigned URL, the same for the client and the in-memory fake: the query parameters
/// the options ask for (version, response overrides) and the Content-Type to sign.
/// </summary>
internal static class PresignArguments
{
    /// <exception cref="ArgumentException">A name, key, method, expiry or option is not one S3 accepts.</exception>
    public static (List<KeyValuePair<string, string?>> Query, string? ContentType) Validate(
        string bucket, string key, HttpMethod method, TimeSpan expiresIn, PresignOptions? options)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.Presign(method, expiresIn);

        var query = new List<KeyValuePair<string, string?>>();
        if (options is null)
        {
            return (query, null);
        }

        if (!string.IsNullOrEmpty(options.VersionId))
        {
            query.Add(new("versionId", options.VersionId));
        }

        AddResponseOverride(query, "response-content-type", options.ResponseContentType);
        AddResponseOverride(query, "response-content-disposition", options.ResponseContentDisposition);
        AddResponseOverride(query, "response-cache-control", options.ResponseCacheControl);
        AddResponseOverride(query, "response-content-encoding", options.ResponseContentEncoding);
        AddResponseOverride(query, "response-content-language", options.ResponseContentLanguage);
        if (options.ResponseExpires is { } expires)
        {
            query.Add(new("response-expires", expires.ToString("R", CultureInfo.InvariantCulture)));
        }

        S3Validation.HeaderValue(options.ContentType, "Content-Type", nameof(options));
        return (query, options.ContentType);
    }

    private static void AddResponseOverride(List<KeyValuePair<string, string?>> query, string name, string? value)
    {
        if (value is not null)
        {
            S3Validation.HeaderValue(value, name, "options");
            query.Add(new(name, value));
        }
    }
}
