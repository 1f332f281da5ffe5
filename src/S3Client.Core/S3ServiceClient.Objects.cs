using S3Client.Pipeline.Internal;
using S3Client.Model.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Single-object operations: PUT, GET, HEAD, DELETE.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task<PutObjectResult> PutObjectAsync(
        string bucket, string key, Stream content, PutObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.ReadableContent(content);
        S3Validation.ContentLength(options?.ContentLength, nameof(PutObjectOptions));

        var payload = S3PayloadContent.FromStream(content, options?.ContentLength);
        using var request = CreateRequest(HttpMethod.Put, "PutObject", bucket, key);
        if (options is not null)
        {
            S3Headers.ApplyWrite(request, payload, options);
            S3Headers.Request(request, "If-Match", options.IfMatch, nameof(options.IfMatch));
            if (options.IfNoneMatchAny)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            }

            if (options.Checksum is { } checksum)
            {
                request.Headers.TryAddWithoutValidation(checksum.HeaderName, checksum.Base64Value);
            }
        }

        SetPayload(request, payload);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return new PutObjectResult(response.Headers.ETag?.ToString() ?? ObjectHeaders.Value(response.Headers, "ETag"), ObjectHeaders.Value(response.Headers, "x-amz-version-id"));
    }

    /// <inheritdoc />
    public async Task<GetObjectResult> GetObjectAsync(
        string bucket, string key, GetObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Get, "GetObject", bucket, key, VersionQuery(options?.VersionId), S3AnswerMode.Stream);
        if (options is not null)
        {
            if (options.Range is { } range)
            {
                request.Headers.TryAddWithoutValidation("Range", range.ToString());
            }

            S3Headers.Conditions(request, options);
            S3Headers.Customer(request, options.CustomerKey, source: false);
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var metadata = ObjectHeaders.Read(response);
            var length = response.Content.Headers.ContentLength;
            return new GetObjectResult(await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false), metadata)
            {
                ContentLength = length,
                ContentRange = response.Content.Headers.ContentRange?.ToString(),
            };
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ObjectMetadata> HeadObjectAsync(
        string bucket, string key, HeadObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Head, "HeadObject", bucket, key, VersionQuery(options?.VersionId));
        if (options is not null)
        {
            S3Headers.Conditions(request, options);
            S3Headers.Customer(request, options.CustomerKey, source: false);
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return ObjectHeaders.Read(response);
    }

    /// <inheritdoc />
    public async Task DeleteObjectAsync(
        string bucket, string key, DeleteObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Delete, "DeleteObject", bucket, key, VersionQuery(options?.VersionId));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static KeyValuePair<string, string?>[]? VersionQuery(string? versionId) =>
        versionId is null ? null : [new("versionId", versionId)];
}
