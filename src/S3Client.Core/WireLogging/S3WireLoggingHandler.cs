using Microsoft.Extensions.Logging;
using S3Client.Pipeline.Internal;
using Log = S3Client.WireLogging.Internal.Log;
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
internal sealed class S3WireLoggingHandler : DelegatingHandler
{
    private readonly S3DiagnosticsOptions _options;
    private readonly ILogger _logger;

    public S3WireLoggingHandler(S3ClientRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _options = runtime.Options.Diagnostics;
        _logger = runtime.LoggerFactory.CreateLogger<S3WireLoggingHandler>();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.LogHttp || request.RequestUri is null || !_logger.IsEnabled(LogLevel.Trace))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var context = S3RequestContext.Get(request);
        var includeKeys = _options.IncludeObjectKeys && (context?.IncludeKeyInDiagnostics ?? true);
        var url = WireRedaction.Url(request.RequestUri, context?.BucketName, context?.ObjectKey, includeKeys);
        var method = request.Method.Method;
        Log.Request(_logger, method, url, WireRedaction.Headers(request.Headers, request.Content?.Headers, includeKeys));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Log.Response(_logger, (int)response.StatusCode, method, url, WireRedaction.Headers(response.Headers, response.Content.Headers, includeKeys));
        return response;
    }

    /// <summary>
    /// After the attempt classified a <c>SignatureDoesNotMatch</c> (its body read once, there): our canonical request
    /// and string to sign beside the service's, with the first differing line, and no secret.
    /// </summary>
    internal static void ReportSignatureMismatch(ILogger logger, S3DiagnosticsOptions options, HttpRequestMessage request, Errors.Internal.S3ErrorBody error)
    {
        if (!options.LogHttp || request.RequestUri is null || !logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var context = S3RequestContext.Get(request);
        var includeKeys = options.IncludeObjectKeys && (context?.IncludeKeyInDiagnostics ?? true);
        var url = WireRedaction.Url(request.RequestUri, context?.BucketName, context?.ObjectKey, includeKeys);
        var theirs = SignatureMismatchBody.From(error);
        Log.SignatureMismatch(logger, request.Method.Method, url, SignatureMismatchReport.Create(CanonicalRequestTrace.From(request), theirs, includeKeys));
    }
}
