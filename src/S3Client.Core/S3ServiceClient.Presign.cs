using S3Client.Presigning.Internal;

namespace S3Client;

/// <content>Presigned URLs.</content>
public sealed partial class S3ServiceClient
{
    private readonly Addressing.Internal.S3EndpointResolver _presignEndpoints;

    /// <inheritdoc />
    public async Task<Uri> GetPresignedUrlAsync(
        string bucket, string key, HttpMethod method, TimeSpan expiresIn, PresignOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (query, contentType) = PresignArguments.Validate(bucket, key, method, expiresIn, options);
        var uri = _presignEndpoints.Build(bucket, key, query);
        IReadOnlyList<KeyValuePair<string, string>>? signed = contentType is null ? null : [new("content-type", contentType)];
        return await _runtime.Signer.PresignAsync(method.Method, uri, expiresIn, signed, cancellationToken).ConfigureAwait(false);
    }
}
