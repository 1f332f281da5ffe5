using System.Net;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal.Transform;

namespace S3Client.Benchmarks.Micro;

/// <summary>What the SDK's unmarshallers need to know about an HTTP response: a 200 with an XML body and no headers.</summary>
public sealed class SdkResponseData : IWebResponseData
{
    private readonly HttpStatusCode _status;
    private readonly long _length;

    public SdkResponseData(HttpStatusCode status, long length)
    {
        _status = status;
        _length = length;
    }

    public long ContentLength => _length;

    public string ContentType => "application/xml";

    public HttpStatusCode StatusCode => _status;

    public bool IsSuccessStatusCode => (int)_status is >= 200 and < 300;

    public IHttpResponseBody ResponseBody => throw new NotSupportedException("The benchmark passes the body stream directly.");

    public string[] GetHeaderNames() => [];

    public bool IsHeaderPresent(string headerName) => false;

    public string GetHeaderValue(string headerName) => string.Empty;

    public IEventStreamHeader GetEventStreamHeader(string headerName) => throw new NotSupportedException();

    public bool IsEventHeaderPresent(string headerName) => false;
}
