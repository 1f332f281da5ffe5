using S3Client.Validation.Internal;
using S3Client.Xml.Internal;

namespace S3Client;

/// <content>Bucket operations.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task CreateBucketAsync(string bucket, CreateBucketOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        var location = options?.LocationConstraint ?? (_options.ServiceUrl is null && _region != "us-east-1" ? _region : null);
        using var request = CreateRequest(HttpMethod.Put, "CreateBucket", bucket, key: null);
        if (location is not null)
        {
            S3Validation.HeaderValue(location, "LocationConstraint", nameof(options));
            SetXmlPayload(request, S3XmlBody.Build("CreateBucketConfiguration", writer => writer.WriteElementString("LocationConstraint", location)));
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        using var request = CreateRequest(HttpMethod.Delete, "DeleteBucket", bucket, key: null);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
