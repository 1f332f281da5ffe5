using S3Client.Errors.Internal;

namespace S3Client;

/// <summary>
/// Reads the S3 error code of an answer without consuming it (the small body is buffered), for resilience strategies
/// that decide on codes: 400 <c>RequestTimeout</c>, or a 200 whose body is an <c>&lt;Error&gt;</c> (CopyObject,
/// CompleteMultipartUpload). Bodies larger than the cap are not read.
/// </summary>
public static class S3ResponseInspector
{
    /// <summary>Returns the <c>&lt;Code&gt;</c> of an error body, or null when the body is not an S3 error document.</summary>
    /// <param name="response">The answer; its content stays readable.</param>
    /// <param name="maxBodyBytes">The largest body that is read. Default 64 KiB.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The error code, or null.</returns>
    public static async ValueTask<string?> GetErrorCodeAsync(
        HttpResponseMessage response, int maxBodyBytes = S3ClientOptions.DefaultMaxErrorResponseBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength is { } length && (length == 0 || length > maxBodyBytes))
        {
            return null;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(maxBodyBytes, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return S3ErrorParser.TryParse(bytes)?.Code;
        }
        catch (HttpRequestException)
        {
            // Larger than the cap or broken: not an error document this inspector can read.
            return null;
        }
    }
}
