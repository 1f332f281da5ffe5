using S3Client.Addressing.Internal;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;

namespace S3Client;

/// <summary>
/// The <see cref="IS3Client"/> implementation over an <see cref="HttpClient"/> whose pipeline holds the S3 handlers.
/// Registered for you by <c>services.AddS3Client(...)</c>; without a container use
/// <c>S3ClientPipeline.CreateClient(options)</c> from S3Client.Extensions.
/// </summary>
public sealed partial class S3ServiceClient : IS3Client, IDisposable
{
    private const int SmallBodyBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly S3EndpointResolver _endpoints;
    private readonly S3ClientOptions _options;
    private readonly S3ClientRuntime _runtime;
    private readonly TimeProvider _timeProvider;
    private readonly string _region;

    /// <summary>Creates a client over <paramref name="httpClient"/>, whose chain was built for <paramref name="runtime"/>.</summary>
    internal S3ServiceClient(HttpClient httpClient, S3ClientRuntime runtime, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(runtime);
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _runtime = runtime;
        _options = runtime.Options;
        _timeProvider = runtime.TimeProvider;
        _region = runtime.Signer.Region;
        _endpoints = new S3EndpointResolver(_options.ServiceUrl, _region, _options.AddressingStyle);
        _presignEndpoints = _options.PublicServiceUrl is null
            ? _endpoints
            : new S3EndpointResolver(_options.PublicServiceUrl, _region, _options.AddressingStyle);
    }

    /// <summary>The client's instruments, which the failover client's join.</summary>
    internal S3Metrics Metrics => _runtime.Metrics;

    /// <summary>Disposes the HTTP client (and what the client owns) when this client owns it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
            _runtime.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"S3ServiceClient {{ {_options} }}";

    private S3HttpRequestMessage CreateRequest(
        HttpMethod method, string operation, string? bucket, string? key, IReadOnlyList<KeyValuePair<string, string?>>? query = null,
        S3AnswerMode answer = S3AnswerMode.None, bool notFoundIsExpected = false)
    {
        var context = new S3RequestContext(operation, bucket, key, answer, _options.Diagnostics.IncludeObjectKeys) { NotFoundIsExpected = notFoundIsExpected };
        return new S3HttpRequestMessage(method, _endpoints.Build(bucket, key, query), context);
    }

    /// <summary>An XML body with its Content-MD5, which some calls require and every service accepts.</summary>
    private void SetXmlPayload(HttpRequestMessage request, byte[] xml)
    {
        var payload = S3PayloadContent.FromBuffer(xml);
        payload.Headers.TryAddWithoutValidation("Content-Type", "application/xml");
#pragma warning disable CA5351 // MD5 is the integrity header the API names, not a security measure.
        payload.Headers.TryAddWithoutValidation("Content-MD5", Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(xml)));
#pragma warning restore CA5351
        SetPayload(request, payload);
    }

    /// <summary>An empty body, so a request without data can still carry content headers (Content-Type, ...).</summary>
    private S3PayloadContent EmptyBody(HttpRequestMessage request)
    {
        var payload = S3PayloadContent.FromBuffer(ReadOnlyMemory<byte>.Empty);
        SetPayload(request, payload);
        return payload;
    }

    private void SetPayload(HttpRequestMessage request, S3PayloadContent payload)
    {
        // A small body goes out in one write, covered by the attempt timeout; only larger ones need the idle timer.
        if (payload.Length > SmallBodyBytes)
        {
            payload.Idle = _runtime.CreateIdleTimeout();
        }

        request.Content = payload;
    }

    /// <summary>
    /// The body of a streamed answer: checked against its Content-Length, guarded by the idle timeout (the attempt
    /// timeout ends when the headers arrive) and counted. Disposing it releases the response.
    /// </summary>
    private async Task<S3ResponseStream> OpenBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var operation = S3RequestContext.Get(response.RequestMessage!)?.Operation ?? "unknown";
        return new S3ResponseStream(response, body, response.Content.Headers.ContentLength, _runtime.CreateIdleTimeout(), operation, _runtime.Metrics);
    }

    /// <summary>
    /// Sends through the pipeline, which returns once the headers are in: the attempt has already read what the
    /// operation needs of the body (nothing, a small result, or an error), and a streamed body is left to the caller.
    /// </summary>
    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
