using S3Client.Batch.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Validation.Internal;
using S3Client.Xml.Internal;

namespace S3Client;

/// <content>Batch delete.</content>
public sealed partial class S3ServiceClient
{
    private const int MaxKeysPerDelete = 1000;

    /// <inheritdoc />
    public async Task<DeleteObjectsResult> DeleteObjectsAsync(
        string bucket, IEnumerable<S3ObjectIdentifier> objects, DeleteObjectsOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        ArgumentNullException.ThrowIfNull(objects);
        var all = objects.ToList();
        foreach (var item in all)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            S3Validation.ObjectKey(item.Key, nameof(objects));
        }

        var quiet = options?.Quiet ?? true;
        var deleted = new List<S3DeletedObject>();
        var errors = new List<S3DeleteError>();
        for (var start = 0; start < all.Count; start += MaxKeysPerDelete)
        {
            var batch = all.GetRange(start, Math.Min(MaxKeysPerDelete, all.Count - start));
            await DeleteBatchAsync(bucket, batch, quiet, deleted, errors, cancellationToken).ConfigureAwait(false);
        }

        return new DeleteObjectsResult(deleted, errors);
    }

    private async Task DeleteBatchAsync(
        string bucket, List<S3ObjectIdentifier> batch, bool quiet, List<S3DeletedObject> deleted, List<S3DeleteError> errors, CancellationToken cancellationToken)
    {
        var xml = S3XmlBody.Build("Delete", writer =>
        {
            writer.WriteElementString("Quiet", quiet ? "true" : "false");
            foreach (var item in batch)
            {
                writer.WriteStartElement("Object");
                writer.WriteElementString("Key", item.Key);
                if (item.VersionId is not null)
                {
                    writer.WriteElementString("VersionId", item.VersionId);
                }

                writer.WriteEndElement();
            }
        });

        using var request = CreateRequest(HttpMethod.Post, "DeleteObjects", bucket, key: null, [new("delete", null)], S3AnswerMode.Stream);
        // Content-MD5 is required by the S3 API for this call (Swift enforces it).
        SetXmlPayload(request, xml);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await DeleteResultParser.ParseAsync(body, deleted, errors).ConfigureAwait(false);
        }
    }
}
