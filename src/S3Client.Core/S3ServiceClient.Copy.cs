using S3Client.Copy.Internal;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Validation.Internal;
using S3Client.Xml.Internal;

namespace S3Client;

/// <content>Server-side copy.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task<CopyObjectResult> CopyObjectAsync(
        string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CopyObjectOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(sourceBucket, nameof(sourceBucket));
        S3Validation.ObjectKey(sourceKey, nameof(sourceKey));
        S3Validation.BucketName(destinationBucket, nameof(destinationBucket));
        S3Validation.ObjectKey(destinationKey, nameof(destinationKey));
        using var request = CreateRequest(HttpMethod.Put, "CopyObject", destinationBucket, destinationKey, answer: S3AnswerMode.BufferMayHideError);
        ApplyCopySource(request, sourceBucket, sourceKey, options?.SourceVersionId, options?.SourceConditions, options?.SourceCustomerKey);
        if (options is not null)
        {
            if (options.ReplaceMetadata)
            {
                request.Headers.TryAddWithoutValidation("x-amz-metadata-directive", "REPLACE");
                S3Headers.ApplyWrite(request, EmptyBody(request), options);
                if (options.Tags.Count > 0)
                {
                    request.Headers.TryAddWithoutValidation("x-amz-tagging-directive", "REPLACE");
                }
            }
            else
            {
                // Without REPLACE the service copies the source's headers; only storage and encryption may change.
                S3Headers.Request(request, "x-amz-storage-class", options.StorageClass, nameof(options.StorageClass));
                if (options.ServerSideEncryption is { } sse)
                {
                    S3Headers.Request(request, "x-amz-server-side-encryption", sse.Algorithm, nameof(options.ServerSideEncryption));
                    S3Headers.Request(request, "x-amz-server-side-encryption-aws-kms-key-id", sse.KmsKeyId, nameof(options.ServerSideEncryption));
                }

                S3Headers.Customer(request, options.CustomerKey, source: false);
            }
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var fields = await S3XmlFields.ReadAsync(body, "CopyObjectResult").ConfigureAwait(false);
        return new CopyObjectResult(
            S3XmlText.QuotedETag(fields.GetValueOrDefault("ETag")),
            fields.TryGetValue("LastModified", out var modified) ? S3XmlText.ParseTimestamp(modified) : null,
            StrictHeaders.Single(response.Headers, "x-amz-version-id"),
            StrictHeaders.Single(response.Headers, "x-amz-copy-source-version-id"));
    }

    private static void ApplyCopySource(
        HttpRequestMessage request, string sourceBucket, string sourceKey, string? versionId, S3Conditions? conditions, S3CustomerKey? customerKey)
    {
        request.Headers.TryAddWithoutValidation("x-amz-copy-source", CopySource.Format(sourceBucket, sourceKey, versionId));
        if (conditions is not null)
        {
            S3Headers.Conditions(request, conditions, "x-amz-copy-source-");
        }

        S3Headers.Customer(request, customerKey, source: true);
    }
}
