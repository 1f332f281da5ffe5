using System.Net;
using System.Xml.Linq;
using Amazon.Runtime.Internal.Transform;
using Amazon.S3.Model.Internal.MarshallTransformations;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;
using S3Client.Errors.Internal;

namespace S3Client.Benchmarks.Micro;

/// <summary>Parsing a NoSuchKey <c>&lt;Error&gt;</c> body (what every failed call reads) into code, message and request id.</summary>
[BenchmarkCategory("Error body parse (NoSuchKey)")]
public class ErrorParsingBenchmarks
{
    private readonly byte[] _body = CannedResponses.NoSuchKeyError;

    [Benchmark(Baseline = true, Description = "XDocument")]
    public string? XDocumentBaseline()
    {
        using var stream = new MemoryStream(_body, writable: false);
        var root = XDocument.Load(stream).Root!;
        return root.Element("Code")?.Value + root.Element("Message")?.Value + root.Element("RequestId")?.Value;
    }

    [Benchmark(Description = "Ours (S3ErrorParser.TryParse)")]
    public object? Ours() => S3ErrorParser.TryParse(_body);

    [Benchmark(Description = "AWSSDK.S3 (S3ErrorResponseUnmarshaller)")]
    public object Sdk()
    {
        using var stream = new MemoryStream(_body, writable: false);
        using var context = new XmlUnmarshallerContext(stream, false, new SdkResponseData(HttpStatusCode.NotFound, _body.Length), true);
        return S3ErrorResponseUnmarshaller.Instance.Unmarshall(context);
    }
}
