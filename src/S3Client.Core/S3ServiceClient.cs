using S3Client.Addressing.Internal;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Signing.Internal;

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
    private readonly TimeProvider _timeProvider;
    private readonly string _region;

    /// <summary>Creates a client over <paramref name="httpClient"/>, which must already contain the S3 handlers.</summary>
    /// <param name="httpClient">The HTTP client with the diagnostics, error, resilience and signing handlers.</param>
    /// <param name="options">The endpoint, region, addressing and credentials settings.</param>
    /// <param name="timeProvider">The clock for presigned URLs; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="ownsHttpClient">Whether <see cref="Dispose"/> disposes <paramref name="httpClient"/>.</param>
    public S3ServiceClient(HttpClient httpClient, S3ClientOptions options, TimeProvider? timeProvider = null, bool ownsHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _region = S3CredentialsChain.ResolveRegion(options);
        _endpoints = new S3EndpointResolver(options.ServiceUrl, _region, options.AddressingStyle);
        _presignEndpoints = options.PublicServiceUrl is null
            ? _endpoints
            : new S3EndpointResolver(options.PublicServiceUrl, _region, options.AddressingStyle);
        _presigner = new Lazy<(IS3CredentialsProvider, SigV4Signer)>(
            () => (S3CredentialsChain.Resolve(options), new SigV4Signer(_region)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Disposes the HTTP client when this client owns it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"S3ServiceClient {{ {_options} }}";

    private HttpRequestMessage CreateRequest(
        HttpMethod method, string operation, string? bucket, string? key, IReadOnlyList<KeyValuePair<string, string?>>? query = null)
    {
        var request = new HttpRequestMessage(method, _endpoints.Build(bucket, key, query));
        new S3RequestContext(operation, bucket, key) { IncludeKeyInDiagnostics = _options.Diagnostics.IncludeObjectKeys }.AttachTo(request);
        return request;
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
            payload.Idle = IdleTimeout.Create(_options.Timeouts.ReadIdleTimeout, _timeProvider);
        }

        request.Content = payload;
        S3RequestContext.Get(request)!.Payload = payload;
    }

    /// <summary>
    /// The body of a response sent with <c>streamBody</c>: checked against its Content-Length and guarded by the idle
    /// timeout, since the attempt timeout ends when the headers arrive. Disposing it releases the response.
    /// </summary>
    private async Task<S3ResponseStream> OpenBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var operation = S3RequestContext.Get(response.RequestMessage!)?.Operation ?? "unknown";
        return new S3ResponseStream(response, body, response.Content.Headers.ContentLength, IdleTimeout.Create(_options.Timeouts.ReadIdleTimeout, _timeProvider), operation);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, bool streamBody = false)
    {
        var completion = streamBody ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        S3RequestContext.Get(request)!.StreamsBody = streamBody;
        return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }
}
