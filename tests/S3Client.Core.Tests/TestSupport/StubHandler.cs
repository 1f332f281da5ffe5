namespace S3Client.Core.Tests.TestSupport;

/// <summary>The innermost handler of a test pipeline: records each request it sees and answers from a function.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            // CopyToAsync serialises the content anew each time, as the socket handler does on a retry.
            using var sink = new MemoryStream();
            await request.Content.CopyToAsync(sink, cancellationToken);
            body = sink.ToArray();
        }

        Requests.Add(new RecordedRequest(
            request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        var response = respond(request);
        response.RequestMessage ??= request;
        return response;
    }
}

/// <summary>What a request looked like when it reached the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body);
