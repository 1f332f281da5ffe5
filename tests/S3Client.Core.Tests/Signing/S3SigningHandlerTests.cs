using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using S3Client.Core.Tests.TestSupport;
using S3Client.Model.Internal;

namespace S3Client.Core.Tests.Signing;

public class S3SigningHandlerTests
{
    private static readonly S3Credentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    [Fact]
    public async Task Each_attempt_is_signed_with_the_current_time_and_credentials()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var provider = new SequenceCredentialsProvider(Credentials, new S3Credentials("AKIDSECOND", "other-secret", "token-2"));
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new S3SigningHandler(TestRuntime.Create(provider, time: time)) { InnerHandler = stub });
        using var request = S3Request(HttpMethod.Get, null);

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        time.Advance(TimeSpan.FromMinutes(16));
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        stub.Requests[0].Headers["x-amz-date"].Should().Be("20260102T030405Z");
        stub.Requests[1].Headers["x-amz-date"].Should().Be("20260102T032005Z");
        stub.Requests[0].Headers["Authorization"].Should().Contain("Credential=AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request");
        stub.Requests[1].Headers["Authorization"].Should().Contain("Credential=AKIDSECOND/");
        stub.Requests[1].Headers["x-amz-security-token"].Should().Be("token-2");
    }

    [Fact]
    public async Task A_seekable_body_is_hashed_once_and_sent_whole_on_every_attempt()
    {
        var data = RandomNumberGenerator.GetBytes(100_000);
        using var source = new CountingReadStream(data);
        source.Position = 10;
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new S3SigningHandler(TestRuntime.Create(payloadSigning: S3PayloadSigning.Auto)) { InnerHandler = stub });
        using var request = S3Request(HttpMethod.Put, S3PayloadContent.FromStream(source, null));

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(data.AsSpan(10)));
        stub.Requests.Should().AllSatisfy(r =>
        {
            r.Headers["x-amz-content-sha256"].Should().Be(expectedHash);
            r.Body.Should().Equal(data.AsSpan(10).ToArray());
        });
        source.BytesRead.Should().Be(3 * (data.Length - 10), "the body is hashed once, then sent twice");
    }

    [Fact]
    public async Task A_non_seekable_body_is_sent_unsigned()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new S3SigningHandler(TestRuntime.Create(payloadSigning: S3PayloadSigning.Auto)) { InnerHandler = stub });
        using var request = S3Request(HttpMethod.Put, S3PayloadContent.FromStream(new NonSeekableStream(new byte[10]), 10));

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        stub.Requests[0].Headers["x-amz-content-sha256"].Should().Be("UNSIGNED-PAYLOAD");
    }

    [Fact]
    public async Task Unsigned_payload_mode_never_reads_a_seekable_body_ahead()
    {
        using var source = new CountingReadStream(new byte[1000]);
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new S3SigningHandler(TestRuntime.Create(payloadSigning: S3PayloadSigning.UnsignedPayload)) { InnerHandler = stub });
        using var request = S3Request(HttpMethod.Put, S3PayloadContent.FromStream(source, null));

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        stub.Requests[0].Headers["x-amz-content-sha256"].Should().Be("UNSIGNED-PAYLOAD");
        source.BytesRead.Should().Be(1000, "the body is only read to be sent");
    }

    [Fact]
    public async Task Over_https_auto_sends_bodies_unsigned_because_tls_protects_them()
    {
        using var source = new CountingReadStream(new byte[1000]);
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new S3SigningHandler(TestRuntime.Create(payloadSigning: S3PayloadSigning.Auto)) { InnerHandler = stub });
        using var request = S3Request(HttpMethod.Put, S3PayloadContent.FromStream(source, null), "https://s3.example.com/bucket/key");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        stub.Requests[0].Headers["x-amz-content-sha256"].Should().Be("UNSIGNED-PAYLOAD");
        source.BytesRead.Should().Be(1000, "the body is only read to be sent");
    }

    private static HttpRequestMessage S3Request(HttpMethod method, S3PayloadContent? payload, string uri = "http://127.0.0.1:9000/bucket/key")
    {
        var request = new HttpRequestMessage(method, uri) { Content = payload };
        new S3RequestContext("Test", "bucket", "key").AttachTo(request);
        return request;
    }

    private sealed class SequenceCredentialsProvider(params S3Credentials[] sequence) : IS3CredentialsProvider
    {
        private int _next;

        public ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            new(sequence[Math.Min(_next++, sequence.Length - 1)]);
    }

    /// <summary>Counts every byte read, by hashing and by sending.</summary>
    private sealed class CountingReadStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
