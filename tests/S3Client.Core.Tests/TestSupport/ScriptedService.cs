using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace S3Client.Core.Tests.TestSupport;

/// <summary>
/// A misbehaving S3 service in-process: every request reaches <c>respond</c> (after the client's own error mapping), so a
/// test decides each answer, including ones no honest server sends. Requests are recorded in arrival order.
/// </summary>
public sealed class ScriptedService(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public ScriptedService(Func<HttpRequestMessage, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    /// <summary>A client over this service, through the real error handler.</summary>
    public S3ServiceClient Client() => new(
        new HttpClient(new S3ErrorHandler { InnerHandler = this }),
        new S3Client.Pipeline.Internal.S3ClientRuntime(new S3ClientOptions { ServiceUrl = new Uri("http://127.0.0.1:9000"), AccessKeyId = "a", SecretAccessKey = "s", AddressingStyle = S3AddressingStyle.Path }),
        ownsHttpClient: true);

    /// <summary>A 206 with <paramref name="body"/> and the given Content-Range; Content-Length is the body's unless given.</summary>
    public static HttpResponseMessage Partial(byte[] body, string contentRange, string etag, long? contentLength = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        response.Content.Headers.ContentLength = contentLength ?? body.Length;
        response.Headers.ETag = EntityTagHeaderValue.Parse(etag);
        return response;
    }

    /// <summary>The first and last byte of a request's <c>Range: bytes=a-b</c> header.</summary>
    public static (long First, long Last) RangeOf(HttpRequestMessage request)
    {
        var range = request.Headers.Range!.Ranges.Single();
        return (range.From!.Value, range.To!.Value);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var response = await respond(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}
