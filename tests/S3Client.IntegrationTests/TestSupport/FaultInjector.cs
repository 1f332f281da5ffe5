namespace S3Client.IntegrationTests.TestSupport;

/// <summary>
/// Sits between the signing handler and the socket: records every request, and can answer one itself (a fault),
/// throw (a network error), or change the answer on its way back (a truncated body).
/// </summary>
public sealed class FaultInjector(
    Func<HttpRequestMessage, HttpResponseMessage?> onRequest, Func<HttpResponseMessage, HttpResponseMessage>? onResponse = null) : DelegatingHandler
{
    private readonly List<string> _requests = [];

    /// <summary>"METHOD path?query" of every request that reached the wire side, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Replaces the body with its first <paramref name="keep"/> bytes, keeping the promised Content-Length.</summary>
    public static HttpResponseMessage Truncate(HttpResponseMessage response, int keep)
    {
        var length = response.Content.Headers.ContentLength;
        var original = response.Content;
        var bytes = original.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var truncated = new ByteArrayContent(bytes, 0, Math.Min(keep, bytes.Length));
        foreach (var header in original.Headers)
        {
            truncated.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        truncated.Headers.ContentLength = length;
        response.Content = new PromisingContent(truncated, length);
        original.Dispose();
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        }

        var fault = onRequest(request);
        if (fault is not null)
        {
            fault.RequestMessage = request;
            return fault;
        }

        var response = await base.SendAsync(request, cancellationToken);
        return onResponse is null ? response : onResponse(response);
    }

    /// <summary>A body that says it has <c>length</c> bytes but ends early, as a dropped connection would.</summary>
    private sealed class PromisingContent(HttpContent inner, long? length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override Task<Stream> CreateContentReadStreamAsync() => inner.ReadAsStreamAsync();

        protected override bool TryComputeLength(out long computed)
        {
            computed = length ?? 0;
            return length is not null;
        }
    }
}
