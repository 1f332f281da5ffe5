using System.Net;
using Microsoft.Extensions.Time.Testing;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Pipeline;

/// <summary>A body that stops moving fails after Timeouts:ReadIdleTimeout; a slow, steady one does not.</summary>
public class IdleTimeoutTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public async Task A_response_body_that_stalls_fails_with_a_timeout()
    {
        var body = new ScriptedStream(_time, totalBytes: 1000, bytesBeforeStall: 100, stepDelay: null);
        using var client = Client(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) { Headers = { ContentLength = 1000 } } }));
        await using var result = await client.GetObjectAsync("bucket", "key");
        var sink = new MemoryStream();

        var copy = result.Content.CopyToAsync(sink);
        await body.Stalled.Task;
        _time.Advance(TimeSpan.FromSeconds(59));
        copy.IsCompleted.Should().BeFalse("59 s without data is still within the 60 s idle timeout");
        _time.Advance(TimeSpan.FromSeconds(2));

        (await copy.Invoking(t => t).Should().ThrowAsync<TimeoutException>()).WithMessage("*60 s*ReadIdleTimeout*");
        sink.Length.Should().Be(100);
    }

    [Fact]
    public async Task A_slow_but_steady_response_body_is_read_to_the_end()
    {
        var body = new ScriptedStream(_time, totalBytes: 64 * 1024, bytesBeforeStall: null, stepDelay: TimeSpan.FromSeconds(45));
        using var client = Client(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body, 16 * 1024) { Headers = { ContentLength = 64 * 1024 } } }));
        await using var result = await client.GetObjectAsync("bucket", "key");
        var sink = new MemoryStream();

        var copy = result.Content.CopyToAsync(sink);
        for (var i = 0; i < 100 && !copy.IsCompleted; i++)
        {
            await body.Waiting.WaitAsync(TimeSpan.FromSeconds(10));
            _time.Advance(TimeSpan.FromSeconds(45));
        }

        await copy;
        sink.Length.Should().Be(64 * 1024, "each read took 45 s, under the 60 s idle timeout, so the whole body arrived");
    }

    [Fact]
    public async Task A_request_body_the_network_stops_taking_fails_with_a_timeout()
    {
        var sink = new StallingSinkHandler(_time, acceptBytes: 64 * 1024);
        using var client = Client(sink);

        var put = client.PutObjectAsync("bucket", "key", new MemoryStream(new byte[1024 * 1024]));
        await sink.Stalled.Task;
        _time.Advance(TimeSpan.FromSeconds(61));

        var thrown = await put.Invoking(t => t).Should().ThrowAsync<Exception>();
        (thrown.Which as TimeoutException ?? thrown.Which.InnerException as TimeoutException).Should().NotBeNull()
            .And.Subject.As<TimeoutException>().Message.Should().Contain("sending the request body");
    }

    private S3ServiceClient Client(HttpMessageHandler inner)
    {
        var runtime = TestRuntime.Create(time: _time);
        return new(new HttpClient(new S3ErrorHandler(runtime) { InnerHandler = inner }), runtime, ownsHttpClient: true);
    }

    /// <summary>Serves zeros; stalls forever after some bytes, or waits a fixed fake-time delay before each read.</summary>
    private sealed class ScriptedStream(FakeTimeProvider time, int totalBytes, int? bytesBeforeStall, TimeSpan? stepDelay) : Stream
    {
        private int _position;

        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SemaphoreSlim Waiting { get; } = new(0);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => totalBytes;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= totalBytes)
            {
                return 0;
            }

            if (bytesBeforeStall is { } stallAt && _position >= stallAt)
            {
                Stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (stepDelay is { } delay)
            {
                var wait = Task.Delay(delay, time, cancellationToken);
                Waiting.Release();
                await wait;
            }

            var count = Math.Min(buffer.Length, (bytesBeforeStall ?? totalBytes) - _position);
            count = Math.Min(count, 16 * 1024);
            buffer.Span[..count].Clear();
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Takes some request bytes, then stops reading, like a peer whose receive window stays full.</summary>
    private sealed class StallingSinkHandler(FakeTimeProvider time, int acceptBytes) : HttpMessageHandler
    {
        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _ = time;
            await request.Content!.CopyToAsync(new Sink(acceptBytes, Stalled), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        private sealed class Sink(int accept, TaskCompletionSource stalled) : Stream
        {
            private long _written;

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => _written;

            public override long Position { get => _written; set => throw new NotSupportedException(); }

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (_written >= accept)
                {
                    stalled.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                _written += buffer.Length;
            }

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
