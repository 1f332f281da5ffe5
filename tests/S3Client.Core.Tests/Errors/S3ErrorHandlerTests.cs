using System.Net;
using System.Text;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Errors;

public class S3ErrorHandlerTests
{
    [Fact]
    public async Task Success_passes_through_untouched()
    {
        using var invoker = Invoker(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("hello") }));

        using var response = await invoker.SendAsync(Request(HttpMethod.Get), CancellationToken.None);

        (await response.Content.ReadAsStringAsync()).Should().Be("hello");
    }

    [Fact]
    public async Task Error_body_becomes_a_typed_exception_and_the_response_is_disposed()
    {
        var content = new TrackingContent("""<?xml version="1.0" encoding="UTF-8"?><Error><Code>BucketNotEmpty</Code><Message></Message><BucketName>b</BucketName><RequestId>r1</RequestId></Error>""");
        using var invoker = Invoker(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Conflict) { Content = content }));

        var act = () => invoker.SendAsync(Request(HttpMethod.Delete), CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<S3ConflictException>();
        thrown.Which.ErrorCode.Should().Be("BucketNotEmpty");
        thrown.Which.RequestId.Should().Be("r1");
        content.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Head_404_without_body_is_not_found()
    {
        using var invoker = Invoker(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var act = () => invoker.SendAsync(Request(HttpMethod.Head), CancellationToken.None);

        (await act.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().BeNull();
    }

    [Fact]
    public async Task Reads_no_more_than_the_cap_of_an_error_body()
    {
        var huge = "<Error><Code>InternalError</Code><Message>" + new string('x', 1 << 20) + "</Message></Error>";
        var content = new TrackingContent(huge);
        using var invoker = Invoker(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = content }), maxBytes: 4096);

        var act = () => invoker.SendAsync(Request(HttpMethod.Get), CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<S3ServerException>();
        thrown.Which.ErrorCode.Should().BeNull("a truncated document is not parsed");
        content.BytesRead.Should().BeLessThanOrEqualTo(4096 + 81920);
    }

    private static HttpMessageInvoker Invoker(HttpMessageHandler inner, int maxBytes = 65536) =>
        new(new S3ErrorHandler(TestRuntime.Create(options: new S3ClientOptions { MaxErrorResponseBytes = maxBytes })) { InnerHandler = inner });

    private static HttpRequestMessage Request(HttpMethod method) => new(method, "http://127.0.0.1/b/k");

    private sealed class TrackingContent(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Disposed { get; private set; }

        public long BytesRead { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new CountingStream(_bytes, n => BytesRead += n));

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class CountingStream(byte[] bytes, Action<int> onRead) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            onRead(n);
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = base.Read(buffer.Span);
            onRead(n);
            return ValueTask.FromResult(n);
        }
    }
}
