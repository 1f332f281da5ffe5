using S3Client.Pipeline.Internal;
using S3Client.Tagging.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Object tagging.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> GetObjectTagsAsync(
        string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Get, "GetObjectTagging", bucket, key, TaggingQuery(versionId), S3AnswerMode.Buffer);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await TaggingParser.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PutObjectTagsAsync(
        string bucket, string key, IDictionary<string, string> tags, string? versionId = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        ArgumentNullException.ThrowIfNull(tags);
        S3Validation.Tags(tags, nameof(tags));
        using var request = CreateRequest(HttpMethod.Put, "PutObjectTagging", bucket, key, TaggingQuery(versionId));
        SetXmlPayload(request, TaggingParser.Build(tags));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteObjectTagsAsync(string bucket, string key, string? versionId = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        using var request = CreateRequest(HttpMethod.Delete, "DeleteObjectTagging", bucket, key, TaggingQuery(versionId));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static KeyValuePair<string, string?>[] TaggingQuery(string? versionId) =>
        versionId is null ? [new("tagging", null)] : [new("tagging", null), new("versionId", versionId)];
}
