using System.Net;
using Microsoft.Extensions.Logging;
using S3Client.WireLogging.Internal;

namespace S3Client;

/// <summary>
/// Request and response debugging, off unless <see cref="S3DiagnosticsOptions.LogHttp"/> is set: sits between the
/// signing handler and the socket handler, so it sees every attempt as signed and sent. It logs each attempt's method,
/// URL and request and response headers at Trace through an allow-list (the signature of <c>Authorization</c>, session
/// tokens, SSE-C keys and presigned signatures redacted; object keys only when
/// <see cref="S3DiagnosticsOptions.IncludeObjectKeys"/> allows), and on <c>SignatureDoesNotMatch</c> a Warning with our
/// canonical request and string to sign beside the service's, when its error body has them, and the first line that
/// differs.
/// </summary>
public sealed class S3WireLoggingHandler : DelegatingHandler
{
    private readonly S3DiagnosticsOptions _options;
    private readonly ILogger? _logger;
    private readonly int _maxErrorBytes;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The client's diagnostics settings.</param>
    /// <param name="logger">Where the events go; none when null.</param>
    /// <param name="maxErrorResponseBytes">The largest error body read for the signature comparison.</param>
    public S3WireLoggingHandler(S3DiagnosticsOptions options, ILogger? logger, int maxErrorResponseBytes = S3ClientOptions.DefaultMaxErrorResponseBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _maxErrorBytes = maxErrorResponseBytes;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.LogHttp || _logger is null || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var context = S3RequestContext.Get(request);
        var includeKeys = _options.IncludeObjectKeys && (context?.IncludeKeyInDiagnostics ?? true);
        var url = WireRedaction.Url(request.RequestUri, context?.BucketName, context?.ObjectKey, includeKeys);
        var method = request.Method.Method;
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.Request(_logger, method, url, WireRedaction.Headers(request.Headers, request.Content?.Headers, includeKeys));
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.Response(_logger, (int)response.StatusCode, method, url, WireRedaction.Headers(response.Headers, response.Content.Headers, includeKeys));
        }

        if (response.StatusCode == HttpStatusCode.Forbidden && _logger.IsEnabled(LogLevel.Warning)
            && await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false) is { Code: "SignatureDoesNotMatch" } error)
        {
            Log.SignatureMismatch(_logger, method, url, SignatureMismatchReport.Create(CanonicalRequestTrace.From(request), error, includeKeys));
        }

        return response;
    }

    // Buffers the (small) error body so the handlers above still read it.
    private async Task<SignatureMismatchBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } length && (length == 0 || length > _maxErrorBytes))
        {
            return null;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(_maxErrorBytes, cancellationToken).ConfigureAwait(false);
            return SignatureMismatchBody.TryParse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
