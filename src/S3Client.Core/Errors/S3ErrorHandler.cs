using S3Client.Errors.Internal;

namespace S3Client;

/// <summary>
/// Turns every final non-2xx answer into a typed <see cref="S3Exception"/>, reading at most a capped number of bytes of
/// the <c>&lt;Error&gt;</c> body, and so does a 200 whose body is an <c>&lt;Error&gt;</c> (CopyObject,
/// UploadPartCopy, CompleteMultipartUpload). Sits outside the resilience handler, so it sees only the answer that
/// retries gave up on.
/// </summary>
public sealed class S3ErrorHandler : DelegatingHandler
{
    private readonly int _maxErrorResponseBytes;

    /// <summary>Creates the handler.</summary>
    /// <param name="maxErrorResponseBytes">The most bytes of an error body to read. Default 64 KiB.</param>
    public S3ErrorHandler(int maxErrorResponseBytes = S3ClientOptions.DefaultMaxErrorResponseBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxErrorResponseBytes);
        _maxErrorResponseBytes = maxErrorResponseBytes;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            if (S3RequestContext.Get(request) is { ErrorMayHideIn200: true } context
                && await S3ExceptionFactory.FromErrorIn200Async(response, context, cancellationToken).ConfigureAwait(false) is { } hidden)
            {
                response.Dispose();
                throw hidden;
            }

            return response;
        }

        using (response)
        {
            throw await S3ExceptionFactory.FromResponseAsync(request, response, _maxErrorResponseBytes, cancellationToken).ConfigureAwait(false);
        }
    }
}
