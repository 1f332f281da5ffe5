using System.Globalization;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Presigned URLs.</content>
public sealed partial class S3ServiceClient
{
    private readonly Addressing.Internal.S3EndpointResolver _presignEndpoints;

    /// <inheritdoc />
    public async Task<Uri> GetPresignedUrlAsync(
        string bucket, string key, HttpMethod method, TimeSpan expiresIn, PresignOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.Presign(method, expiresIn);

        var query = new List<KeyValuePair<string, string?>>();
        string? contentType = null;
        if (options is not null)
        {
            AddIfSet(query, "versionId", options.VersionId);
            AddResponseOverride(query, "response-content-type", options.ResponseContentType);
            AddResponseOverride(query, "response-content-disposition", options.ResponseContentDisposition);
            AddResponseOverride(query, "response-cache-control", options.ResponseCacheControl);
            AddResponseOverride(query, "response-content-encoding", options.ResponseContentEncoding);
            AddResponseOverride(query, "response-content-language", options.ResponseContentLanguage);
            if (options.ResponseExpires is { } expires)
            {
                query.Add(new("response-expires", expires.ToString("R", CultureInfo.InvariantCulture)));
            }

            contentType = options.ContentType;
            S3Validation.HeaderValue(contentType, "Content-Type", nameof(options));
        }

        var uri = _presignEndpoints.Build(bucket, key, query);
        IReadOnlyList<KeyValuePair<string, string>>? signed = contentType is null ? null : [new("content-type", contentType)];
        return await _runtime.Signer.PresignAsync(method.Method, uri, expiresIn, signed, cancellationToken).ConfigureAwait(false);
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
