using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using S3Client.Core.Tests.TestSupport;
using S3Client.Extensions.Tests.TestSupport;

namespace S3Client.Extensions.Tests.Resilience;

/// <summary>
/// A broken or hostile endpoint: redirects to another host, answers that stall or never end, error bodies over the
/// cap, errors hidden after keep-alive whitespace, attempts and operations that outlive their timeouts. The client
/// follows nothing, waits for nothing longer than configured, and throws only S3 and .NET exceptions.
/// </summary>
public class HostileAnswerTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Token = "SESSION-TOKEN-SECRET-VALUE";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_307_to_another_host_is_an_error_naming_the_endpoint_and_nothing_reaches_that_host(bool userHandlerFollowsRedirects)
    {
        await using var elsewhere = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", ["Content-Length: 0"]));
        var location = new Uri(elsewhere.Url, "/bucket/key");
        var body = $"<Error><Code>TemporaryRedirect</Code><Message>Please re-send this request to the specified temporary endpoint.</Message><Endpoint>{location.Authority}</Endpoint></Error>";
        await using var service = new RawHttpServer(_ => RawHttpServer.Answer(
            "307 Temporary Redirect", [$"Location: {location}", "x-amz-bucket-region: eu-west-1", $"Content-Length: {body.Length}"], Encoding.ASCII.GetBytes(body)));
        using var primary = new SocketsHttpHandler { AllowAutoRedirect = userHandlerFollowsRedirects };
        using var client = Client(service.Url, primary);

        var put = () => client.PutObjectAsync("bucket", "key", new MemoryStream(Encoding.UTF8.GetBytes("secret payload")));

        var thrown = (await put.Should().ThrowAsync<S3RedirectException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        thrown.Endpoint.Should().Be(location.Authority);
        thrown.Region.Should().Be("eu-west-1");
        thrown.Message.Should().Contain("never followed").And.Contain("ServiceUrl").And.NotContain(Token);
        elsewhere.Requests.Should().BeEmpty("neither the session token nor the body may reach another host");
    }

    [Fact]
    public async Task A_body_that_stalls_after_a_200_fails_with_the_idle_timeout_inside_the_attempt()
    {
        var content = new StallingContent(Encoding.UTF8.GetBytes("<InitiateMultipartUploadResult><UploadId>"), declaredLength: 200);
        using var client = Client(new Uri("http://127.0.0.1:9000"), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }),
            o => o.Timeouts.ReadIdleTimeout = TimeSpan.FromSeconds(1));

        var create = client.CreateMultipartUploadAsync("bucket", "key");
        await content.Stalled.Task;
        _time.Advance(TimeSpan.FromSeconds(2));

        var thrown = await create.Invoking(t => t).Should().ThrowAsync<TimeoutException>();
        thrown.Which.Message.Should().Contain("ReadIdleTimeout");
    }

    [Fact]
    public async Task A_200_with_a_huge_body_is_refused_without_reading_it()
    {
        var huge = new CountingZeros(100L * 1024 * 1024);
        using var client = Client(new Uri("http://127.0.0.1:9000"), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(huge) { Headers = { ContentLength = huge.Length } },
        }));

        var create = () => client.CreateMultipartUploadAsync("bucket", "key");

        var thrown = await create.Should().ThrowAsync<InvalidDataException>();
        thrown.Which.Message.Should().Contain("CreateMultipartUpload").And.Contain("104857600");
        huge.BytesRead.Should().Be(0, "a declared length over the cap is refused before reading");
    }

    [Fact]
    public async Task A_chunked_200_body_over_the_cap_is_refused_after_the_cap()
    {
        var huge = new CountingZeros(100L * 1024 * 1024);
        using var client = Client(new Uri("http://127.0.0.1:9000"), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(huge) }));

        var tags = () => client.GetObjectTagsAsync("bucket", "key");

        await tags.Should().ThrowAsync<InvalidDataException>();
        huge.BytesRead.Should().BeLessThan(2 * 1024 * 1024, "reading stops at the 1 MiB cap");
    }

    [Fact]
    public async Task A_chunked_error_body_over_the_cap_is_still_a_typed_S3_exception()
    {
        var body = "<Error><Code>InvalidArgument</Code><Message>" + new string('x', 100_000) + "</Message></Error>";
        using var client = Client(new Uri("http://127.0.0.1:9000"), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        }));

        var put = () => client.PutObjectAsync("bucket", "key", new MemoryStream([1, 2, 3]));

        var thrown = (await put.Should().ThrowAsync<S3InvalidRequestException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        thrown.ErrorCode.Should().BeNull("a document cut at the cap is not parsed");
    }

    [Fact]
    public async Task A_200_hiding_InternalError_after_keep_alive_whitespace_is_retried()
    {
        var answers = 0;
        using var client = Client(new Uri("http://127.0.0.1:9000"), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Interlocked.Increment(ref answers) == 1
                ? "\n  \n  \n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
                : "<CompleteMultipartUploadResult><ETag>\"abc-2\"</ETag></CompleteMultipartUploadResult>"),
        }), o => o.Retry.MaxRetryAttempts = 2);

        var complete = client.CompleteMultipartUploadAsync("bucket", "key", "upload-1", [new S3CompletedPart(1, "\"p1\"")]);
        var result = await FakeClock.RunAsync(_time, complete, TimeSpan.FromMilliseconds(100));

        result.ETag.Should().Be("\"abc-2\"");
        answers.Should().Be(2, "the documented retry of InternalError happens after whitespace too");
    }

    [Fact]
    public async Task An_attempt_without_response_headers_is_a_TimeoutException()
    {
        var stub = new HangingHandler();
        using var client = Client(new Uri("http://127.0.0.1:9000"), stub, o => o.Timeouts.AttemptTimeout = TimeSpan.FromSeconds(2));

        var head = client.HeadObjectAsync("bucket", "key");
        await stub.Waiting.Task;
        _time.Advance(TimeSpan.FromSeconds(3));

        var thrown = (await head.Invoking(t => t).Should().ThrowAsync<TimeoutException>()).Which;
        thrown.Message.Should().Contain("AttemptTimeout");
        thrown.Should().NotBeAssignableTo<TimeoutRejectedException>();
    }

    [Fact]
    public async Task The_total_timeout_is_a_TimeoutException_with_Pollys_exception_inside()
    {
        var stub = new HangingHandler();
        using var client = Client(new Uri("http://127.0.0.1:9000"), stub, o =>
        {
            o.Timeouts.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Timeouts.TotalTimeout = TimeSpan.FromSeconds(10);
        });

        var head = client.HeadObjectAsync("bucket", "key");
        await stub.Waiting.Task;
        _time.Advance(TimeSpan.FromSeconds(10));

        var thrown = (await head.Invoking(t => t).Should().ThrowAsync<TimeoutException>()).Which;
        thrown.Message.Should().Contain("TotalTimeout");
        thrown.InnerException.Should().BeOfType<TimeoutRejectedException>();
    }

    private S3ServiceClient Client(Uri serviceUrl, HttpMessageHandler primary, Action<S3ClientOptions>? configure = null)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = serviceUrl,
            Region = "us-east-1",
            AccessKeyId = "AKIDEXAMPLE",
            SecretAccessKey = Secret,
            SessionToken = Token,
            AddressingStyle = S3AddressingStyle.Path,
        };
        options.Retry.MaxRetryAttempts = 0;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
        options.CircuitBreaker.Enabled = false;
        configure?.Invoke(options);
        return S3ClientPipeline.CreateClient(options, timeProvider: _time, primaryHandler: new NotDisposing(primary));
    }

    /// <summary>Keeps a handler the test owns alive when the client is disposed.</summary>
    private sealed class NotDisposing(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>Never answers; says when a request is waiting (its attempt timer is then running).</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Sends some bytes of a longer declared body, then stalls; says when a read is waiting on the stall.</summary>
    private sealed class StallingContent(byte[] start, long declaredLength) : HttpContent
    {
        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new StallingStream(this, start));

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength;
            return true;
        }

        private sealed class StallingStream(StallingContent owner, byte[] start) : MemoryStream(start)
        {
            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var read = await base.ReadAsync(buffer, cancellationToken);
                if (read > 0)
                {
                    return read;
                }

                owner.Stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
        }
    }

    /// <summary>An endless supply of zeros of a given length that counts what was read.</summary>
    private sealed class CountingZeros(long length) : Stream
    {
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
