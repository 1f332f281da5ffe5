using System.Net;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Single-object operations: PUT, GET, HEAD, DELETE.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task<PutObjectResult> PutObjectAsync(
        string bucket, string key, Stream content, PutObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.PutObject(bucket, key, content, options);

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
        return new PutObjectResult(StrictHeaders.ETag(response.Headers), StrictHeaders.Single(response.Headers, "x-amz-version-id"));
    }

    /// <inheritdoc />
    public async Task<GetObjectResult> GetObjectAsync(
        string bucket, string key, GetObjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Get, "GetObject", bucket, key, VersionQuery(options?.VersionId), S3AnswerMode.Stream);
        var range = options?.Range;
        if (options is not null)
        {
            S3Validation.ByteRange(range, nameof(options));
            if (range is { } asked)
            {
                request.Headers.TryAddWithoutValidation("Range", asked.ToString());
            }

            S3Headers.Conditions(request, options);
            S3Headers.Customer(request, options.CustomerKey, source: false);
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var length = StrictHeaders.ContentLength(response);
            var contentRange = StrictHeaders.Single(response.Content.Headers, "Content-Range");
            if (range is { } asked)
            {
                // Only a 206 for exactly this range is the range: a 200 is the whole object from a server or proxy that
                // ignored the Range header, and a 206 for other bytes would be returned as if it were the range. The one
                // 200 taken is an empty one: an empty object has no range to send (some servers answer so, not 416).
                if (response.StatusCode == HttpStatusCode.PartialContent)
                {
                    ContentRange.Verify(asked, contentRange, length);
                }
                else if (length != 0)
                {
                    throw new InvalidDataException($"GetObject asked for Range {asked} but the answer is a {(int)response.StatusCode}, not a 206: a server or proxy ignored the Range header.");
                }
            }
            else if (response.StatusCode == HttpStatusCode.PartialContent)
            {
                throw new InvalidDataException("GetObject asked for the whole object but the answer is a 206 with part of it.");
            }

            var metadata = ObjectHeaders.Read(response, length ?? 0);
            ThrowIfIfMatchIgnored(options?.IfMatch, metadata.ETag);
            return new GetObjectResult(await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false), metadata)
            {
                ContentLength = length,
                ContentRange = range is null ? null : contentRange,
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

        // S3 always tells an object's size on HEAD; a missing or unparsable length is a broken answer, not an empty object.
        var length = StrictHeaders.ContentLength(response)
            ?? throw new InvalidDataException("HeadObject answered without a Content-Length, so the object's size is unknown.");
        return ObjectHeaders.Read(response, length);
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

    /// <summary>
    /// An answer for another entity tag than the one <c>If-Match</c> named comes from a server or proxy that ignored the
    /// condition: the bytes are of another version, so they are refused (compared only for a single, specific tag).
    /// </summary>
    private static void ThrowIfIfMatchIgnored(string? ifMatch, string? etag)
    {
        if (ifMatch is null || ifMatch.Trim() == "*" || ifMatch.Contains(','))
        {
            return;
        }

        if (etag is null || !Opaque(ifMatch).SequenceEqual(Opaque(etag)))
        {
            throw new InvalidDataException($"GetObject asked for entity tag {ifMatch} (If-Match) but the answer is for {etag ?? "(no ETag)"}: the condition was ignored.");
        }

        static ReadOnlySpan<char> Opaque(string tag)
        {
            var span = tag.AsSpan().Trim();
            return (span.StartsWith("W/") ? span[2..] : span).Trim('"');
        }
    }

    private static KeyValuePair<string, string?>[]? VersionQuery(string? versionId) =>
        versionId is null ? null : [new("versionId", versionId)];
}
