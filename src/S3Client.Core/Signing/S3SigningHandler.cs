using Microsoft.Extensions.Logging;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;

namespace S3Client;

/// <summary>
/// One attempt, the innermost S3 handler (inside the resilience handler, above the socket handler): signs it anew
/// (fresh date, current credentials, the client's learnt clock offset), bounds the wait for response headers by the
/// attempt timeout, and reads and classifies the answer once (<see cref="S3Answer"/>). A <c>RequestTimeTooSkewed</c>
/// answer teaches the signer the service's clock, an <c>ExpiredToken</c> refreshes the credentials; the retry strategy,
/// the one place that sends again, then re-sends once.
/// </summary>
internal sealed class S3SigningHandler : DelegatingHandler
{
    private readonly S3ClientRuntime _runtime;
    private readonly ILogger _wireLogger;
    private int _primaryChecked;

    public S3SigningHandler(S3ClientRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        _wireLogger = runtime.LoggerFactory.CreateLogger<S3WireLoggingHandler>();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _primaryChecked) == 0 && Interlocked.Exchange(ref _primaryChecked, 1) == 0)
        {
            RefuseRedirectsBelow();
        }

        var context = S3RequestContext.Get(request);
        var uri = request.RequestUri;
        await _runtime.Signer.SignAsync(request, context, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        var timer = StartAttemptTimer(request, out var timeout);
        var link = timer is not null && cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timer)
            : default;
        try
        {
            response = await base.SendAsync(request, timer?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"S3 {context?.Operation ?? "request"} got no response headers within {timeout.TotalSeconds:0.###} s (Timeouts:AttemptTimeout).", e);
        }
        finally
        {
            // Unlinked first, so the caller's token can no longer cancel a timer that another attempt uses next.
            link.Dispose();
            if (timer is not null)
            {
                _runtime.ReturnTimer(timer);
            }
        }

        try
        {
            if (!Equals(request.RequestUri, uri))
            {
                // A handler below followed a redirect: the answer (and what was sent) belongs to another endpoint.
                throw new InvalidOperationException(
                    $"The HTTP handler below the S3 client followed a redirect from {uri?.Host} to {request.RequestUri?.Host}. S3 answers are never " +
                    "to be followed (the request's session token, SSE-C key and body would go to that host): keep AllowAutoRedirect = false " +
                    "on the primary handler.");
            }

            await S3Answer.ReadAsync(response, context, _runtime, cancellationToken).ConfigureAwait(false);
            var error = S3Answer.Of(response)?.Error;
            switch (error?.Code)
            {
                case "SignatureDoesNotMatch":
                    S3WireLoggingHandler.ReportSignatureMismatch(_wireLogger, _runtime.Options.Diagnostics, request, error);
                    break;
                case "RequestTimeTooSkewed" when response.Headers.Date is { } serverTime:
                    _runtime.Signer.LearnClockOffset(serverTime);
                    break;
                case "ExpiredToken" or "TokenRefreshRequired":
                    await _runtime.Signer.RefreshCredentialsAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Turns off redirects on the primary handler below, once, before its first request: a handler configured elsewhere
    /// (through the IHttpClientBuilder) may have them on. A handler that cannot be changed is caught at each attempt.
    /// </summary>
    private void RefuseRedirectsBelow()
    {
        var primary = InnerHandler;
        while (primary is DelegatingHandler delegating)
        {
            primary = delegating.InnerHandler;
        }

        try
        {
            if (primary is not null && S3HandlerChain.DisableRedirects(primary))
            {
                Log.RedirectsTurnedOff(_runtime.LoggerFactory.CreateLogger<S3SigningHandler>(), primary.GetType().Name);
            }
        }
        catch (InvalidOperationException)
        {
            // Already sending: its settings are fixed; the URI check of every attempt still refuses a followed redirect.
        }
    }

    /// <summary>
    /// The attempt timeout covers the wait for response headers (and the upload of the body, at the slowest allowed
    /// rate); a body being read afterwards is guarded by the idle timeout instead. Null when it is off.
    /// </summary>
    private CancellationTokenSource? StartAttemptTimer(HttpRequestMessage request, out TimeSpan timeout)
    {
        var timeouts = _runtime.Timeouts;
        timeout = timeouts.AttemptTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var length = (request.Content as S3PayloadContent)?.Length ?? 0;
        timeout += TimeSpan.FromSeconds((double)length / Math.Max(1, timeouts.MinUploadBytesPerSecond));
        return _runtime.RentTimer(timeout);
    }
}
