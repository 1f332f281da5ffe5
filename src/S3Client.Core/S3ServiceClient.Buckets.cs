using System.Text;
using S3Client.Model.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <content>Bucket operations.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task CreateBucketAsync(string bucket, CreateBucketOptions? options = null, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        var location = options?.LocationConstraint ?? (_options.ServiceUrl is null && _options.Region != "us-east-1" ? _options.Region : null);
        using var request = CreateRequest(HttpMethod.Put, "CreateBucket", bucket, key: null);
        if (location is not null)
        {
            S3Validation.HeaderValue(location, "LocationConstraint", nameof(options));
            var xml = $"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{System.Security.SecurityElement.Escape(location)}</LocationConstraint></CreateBucketConfiguration>";
            var payload = S3PayloadContent.FromBuffer(Encoding.UTF8.GetBytes(xml));
            payload.Headers.TryAddWithoutValidation("Content-Type", "application/xml");
            SetPayload(request, payload);
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
