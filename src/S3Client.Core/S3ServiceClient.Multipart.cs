using System.Globalization;
using System.Runtime.CompilerServices;
using S3Client.Listing.Internal;
using S3Client.Model.Internal;
using S3Client.Multipart.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Validation.Internal;
using S3Client.Xml.Internal;

namespace S3Client;

/// <content>Multipart uploads, low level: create, upload and copy parts, complete, abort, list.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task<string> CreateMultipartUploadAsync(
        string bucket, string key, CreateMultipartUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Post, "CreateMultipartUpload", bucket, key, [new("uploads", null)], S3AnswerMode.Buffer);
        if (options is not null)
        {
            S3Headers.ApplyWrite(request, EmptyBody(request), options);
            if (options.ChecksumAlgorithm != S3ChecksumAlgorithm.None)
            {
                request.Headers.TryAddWithoutValidation("x-amz-checksum-algorithm", options.ChecksumAlgorithm.ToString().ToUpperInvariant());
            }
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var fields = await S3XmlFields.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), "InitiateMultipartUploadResult").ConfigureAwait(false);
        return fields.TryGetValue("UploadId", out var uploadId) && uploadId.Length > 0
            ? uploadId
            : throw new InvalidDataException("CreateMultipartUpload answered without an UploadId.");
    }

    /// <inheritdoc />
    public async Task<UploadPartResult> UploadPartAsync(
        string bucket, string key, string uploadId, int partNumber, Stream content, UploadPartOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.UploadPart(bucket, key, uploadId, partNumber, content, options);

        var payload = S3PayloadContent.FromStream(content, options?.ContentLength);
        return await UploadPartCoreAsync(bucket, key, uploadId, partNumber, payload, options?.CustomerKey, options?.Checksum, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<UploadPartResult> UploadPartCopyAsync(
        string bucket, string key, string uploadId, int partNumber, string sourceBucket, string sourceKey, UploadPartCopyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        S3Validation.UploadPartCopy(bucket, key, uploadId, partNumber, sourceBucket, sourceKey);
        using var request = CreateRequest(HttpMethod.Put, "UploadPartCopy", bucket, key, PartQuery(uploadId, partNumber), S3AnswerMode.BufferMayHideError);
        ApplyCopySource(request, sourceBucket, sourceKey, options?.SourceVersionId, options?.SourceConditions, options?.SourceCustomerKey);
        if (options?.SourceRange is { } range)
        {
            if (range.First is null || range.Last is null)
            {
                throw new ArgumentException("UploadPartCopy needs a closed range (S3ByteRange.Between).", nameof(options));
            }

            request.Headers.TryAddWithoutValidation("x-amz-copy-source-range", range.ToString());
        }

        S3Headers.Customer(request, options?.CustomerKey, source: false);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var fields = await S3XmlFields.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), "CopyPartResult").ConfigureAwait(false);
        return new UploadPartResult(partNumber, S3XmlText.QuotedETag(fields.GetValueOrDefault("ETag")) ?? throw new InvalidDataException("UploadPartCopy answered without an ETag."));
    }

    /// <inheritdoc />
    public async Task<CompleteMultipartUploadResult> CompleteMultipartUploadAsync(
        string bucket, string key, string uploadId, IEnumerable<S3CompletedPart> parts, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.UploadId(uploadId);
        var ordered = S3Validation.CompletedParts(parts);

        var xml = S3XmlBody.Build("CompleteMultipartUpload", writer =>
        {
            foreach (var part in ordered)
            {
                writer.WriteStartElement("Part");
                writer.WriteElementString("PartNumber", part.PartNumber.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("ETag", part.ETag);
                if (part.Checksum is { } checksum)
                {
                    writer.WriteElementString(checksum.ElementName, checksum.Base64Value);
                }

                writer.WriteEndElement();
            }
        });
        using var request = CreateRequest(HttpMethod.Post, "CompleteMultipartUpload", bucket, key, [new("uploadId", uploadId)], S3AnswerMode.BufferMayHideError);
        SetXmlPayload(request, xml);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var fields = await S3XmlFields.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), "CompleteMultipartUploadResult").ConfigureAwait(false);
        return new CompleteMultipartUploadResult(S3XmlText.QuotedETag(fields.GetValueOrDefault("ETag")), StrictHeaders.Single(response.Headers, "x-amz-version-id"), fields.GetValueOrDefault("Location"));
    }

    /// <inheritdoc />
    public async Task AbortMultipartUploadAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.UploadId(uploadId);
        using var request = CreateRequest(HttpMethod.Delete, "AbortMultipartUpload", bucket, key, [new("uploadId", uploadId)]);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<S3PartInfo> ListPartsAsync(
        string bucket, string key, string uploadId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        S3Validation.UploadId(uploadId);
        string? marker = null;
        var markers = new PageMarkers("ListParts", "NextPartNumberMarker");
        do
        {
            var query = new List<KeyValuePair<string, string?>>(3) { new("uploadId", uploadId) };
            if (marker is not null)
            {
                query.Add(new("part-number-marker", marker));
            }

            using var request = CreateRequest(HttpMethod.Get, "ListParts", bucket, key, query, S3AnswerMode.Stream);
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var (parts, truncated, next) = await ListPartsParser.ParseAsync(await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            foreach (var part in parts)
            {
                yield return part;
            }

            marker = markers.Next(truncated, next);
        }
        while (marker is not null);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<S3MultipartUploadInfo> ListMultipartUploadsAsync(
        string bucket, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        string? keyMarker = null, uploadMarker = null;
        var markers = new PageMarkers("ListMultipartUploads", "NextKeyMarker/NextUploadIdMarker");
        do
        {
            // No encoding-type=url here: Ceph RGW URL-encodes the keys of this listing without saying so (no EncodingType).
            var query = new List<KeyValuePair<string, string?>>(4) { new("uploads", null) };
            if (!string.IsNullOrEmpty(prefix))
            {
                query.Add(new("prefix", prefix));
            }

            if (keyMarker is not null)
            {
                query.Add(new("key-marker", keyMarker));
                if (uploadMarker is not null)
                {
                    query.Add(new("upload-id-marker", uploadMarker));
                }
            }

            using var request = CreateRequest(HttpMethod.Get, "ListMultipartUploads", bucket, key: null, query, S3AnswerMode.Stream);
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var (uploads, truncated, nextKey, nextUpload) = await ListMultipartUploadsParser.ParseAsync(
                await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            foreach (var upload in uploads)
            {
                yield return upload;
            }

            (keyMarker, uploadMarker) = markers.Next(truncated, string.IsNullOrEmpty(nextKey) ? null : PageMarkers.Pair(nextKey, nextUpload)) is null
                ? (null, null)
                : (nextKey, nextUpload);
        }
        while (keyMarker is not null);
    }

    private async Task<UploadPartResult> UploadPartCoreAsync(
        string bucket, string key, string uploadId, int partNumber, S3PayloadContent payload, S3CustomerKey? customerKey, S3Checksum? checksum,
        CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Put, "UploadPart", bucket, key, PartQuery(uploadId, partNumber));
        S3Headers.Customer(request, customerKey, source: false);
        if (checksum is not null)
        {
            request.Headers.TryAddWithoutValidation(checksum.HeaderName, checksum.Base64Value);
        }

        SetPayload(request, payload);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var etag = StrictHeaders.ETag(response.Headers)
            ?? throw new InvalidDataException($"UploadPart {partNumber} answered without an ETag.");
        return new UploadPartResult(partNumber, etag) { Checksum = checksum };
    }

    private static KeyValuePair<string, string?>[] PartQuery(string uploadId, int partNumber) =>
        [new("partNumber", partNumber.ToString(CultureInfo.InvariantCulture)), new("uploadId", uploadId)];
}
