using S3Client.Errors.Internal;
using S3Client.Pipeline.Internal;

namespace S3Client;

/// <summary>
/// Turns the final failed answer (a non-2xx, or a 200 hiding an <c>&lt;Error&gt;</c>) into a typed
/// <see cref="S3Exception"/>, from what the attempt already read and classified. Sits outside the resilience handler,
/// so it sees only the answer that retries gave up on.
/// </summary>
internal sealed class S3ErrorHandler : DelegatingHandler
{
    private readonly S3ClientRuntime? _runtime;

    /// <summary>Creates the handler.</summary>
    /// <param name="runtime">The client's settings; defaults (a 64 KiB error body cap, no idle timeout) when null.</param>
    public S3ErrorHandler(S3ClientRuntime? runtime = null)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var context = S3RequestContext.Get(request);
        try
        {
            // Read here only when no attempt handler did (a chain assembled without one).
            await S3Answer.ReadAsync(response, context, _runtime, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (S3Answer.FailureStatus(response) is null)
        {
            return response;
        }

        using (response)
        {
            throw S3ExceptionFactory.FromAnswer(response, context);
        }
    }
}
