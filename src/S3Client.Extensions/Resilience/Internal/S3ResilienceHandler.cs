using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace S3Client.Resilience.Internal;

/// <summary>
/// Runs each S3 request through the client's resilience pipeline (total timeout, retry, circuit breaker), sending the
/// same request again on a retry (the attempt handler re-signs it). Polly's own exceptions do not reach callers: an
/// open circuit becomes an <see cref="S3ServiceUnavailableException"/>, the total timeout a <see cref="TimeoutException"/>.
/// </summary>
internal sealed class S3ResilienceHandler : DelegatingHandler
{
    private readonly Func<ResiliencePipeline<HttpResponseMessage>> _pipeline;
    private readonly S3CircuitState? _circuit;

    /// <param name="pipeline">Returns the pipeline to use now (it may be rebuilt when options reload).</param>
    /// <param name="circuit">When the circuit opened last, for the time left in the exception.</param>
    public S3ResilienceHandler(Func<ResiliencePipeline<HttpResponseMessage>> pipeline, S3CircuitState? circuit = null)
    {
        _pipeline = pipeline;
        _circuit = circuit;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        try
        {
            var outcome = await _pipeline().ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendInnerAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<HttpResponseMessage>(e);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            return outcome.Exception switch
            {
                null => outcome.Result!,
                BrokenCircuitException open => throw CircuitOpen(request, open, _circuit?.Remaining),
                TimeoutRejectedException timeout => throw new TimeoutException(
                    $"S3 {Operation(request)} did not complete within {timeout.Timeout.TotalSeconds:0.###} s (Timeouts:TotalTimeout).", timeout),
                var other => throw Rethrow(other),
            };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static S3ServiceUnavailableException CircuitOpen(HttpRequestMessage request, BrokenCircuitException open, TimeSpan? retryAfter)
    {
        var context = S3RequestContext.Get(request);
        var message = $"{context?.Operation ?? "S3 request"} was not sent to {request.RequestUri?.Authority}: the circuit is open after repeated " +
            "transient failures of the service" + (retryAfter is { } wait ? $"; it lets a trial request through in {wait.TotalSeconds:0.#} s." : ".");
        return new S3ServiceUnavailableException(message, retryAfter, open)
        {
            Operation = context?.Operation,
            BucketName = context?.BucketName,
            Key = context?.ObjectKey,
        };
    }

    private static Exception Rethrow(Exception exception)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
        return exception;
    }

    private static string Operation(HttpRequestMessage request) => S3RequestContext.Get(request)?.Operation ?? "request";
}
