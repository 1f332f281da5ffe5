using System.Net;
using System.Security.Cryptography;
using S3Client.Core.Tests.TestSupport;
using S3Client.Extensions.Tests.TestSupport;

namespace S3Client.Extensions.Tests.Resilience;

public class S3RetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Retries_503_SlowDown_then_succeeds_with_the_same_body_freshly_signed()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        using var host = new S3TestHost(new StubHandler(_ => Answer(answers.Dequeue(), "SlowDown")));
        var data = RandomNumberGenerator.GetBytes(256 * 1024);
        using var body = new MemoryStream(data);

        var result = await FakeClock.RunAsync(host.Time, host.Client.PutObjectAsync("bucket", "key", body), Step);

        result.ETag.Should().Be("\"etag\"");
        host.Stub.Requests.Should().HaveCount(2);
        host.Stub.Requests.Should().AllSatisfy(r => r.Body.Should().Equal(data));
        var (first, second) = (host.Stub.Requests[0].Headers, host.Stub.Requests[1].Headers);
        second["x-amz-date"].Should().NotBe(first["x-amz-date"], "each attempt is signed with the time it is sent");
        second["Authorization"].Should().NotBe(first["Authorization"]);
        second["x-amz-content-sha256"].Should().Be(Convert.ToHexStringLower(SHA256.HashData(data)));
        host.Logs.Entries.Should().Contain(e => e.Entry.EventId.Id == 101, "the retry is logged");
    }

    [Fact]
    public async Task A_non_seekable_body_is_sent_once_and_the_log_says_why_it_was_not_retried()
    {
        using var host = new S3TestHost(new StubHandler(_ => Answer(HttpStatusCode.ServiceUnavailable, "SlowDown")));

        var act = () => FakeClock.RunAsync(host.Time,
            host.Client.PutObjectAsync("bucket", "key", new NonSeekableStream(new byte[1000]), new PutObjectOptions { ContentLength = 1000 }), Step);

        (await act.Should().ThrowAsync<S3ServerException>()).Which.ErrorCode.Should().Be("SlowDown");
        host.Stub.Requests.Should().ContainSingle();
        host.Logs.Entries.Should().Contain(e => e.Entry.EventId.Id == 102 && e.Entry.Message.Contains("non-seekable"));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    [InlineData(501, false)]
    public async Task Retries_only_transient_status_codes(int status, bool retried)
    {
        var answers = new Queue<HttpStatusCode>([(HttpStatusCode)status, HttpStatusCode.OK]);
        using var host = new S3TestHost(new StubHandler(_ => Answer(answers.Dequeue(), "Code" + status)));

        var act = () => FakeClock.RunAsync(host.Time, host.Client.DeleteObjectAsync("bucket", "key"), Step);

        if (retried)
        {
            await act.Should().NotThrowAsync();
            host.Stub.Requests.Should().HaveCount(2);
        }
        else
        {
            (await act.Should().ThrowAsync<S3Exception>()).Which.StatusCode.Should().Be((HttpStatusCode)status);
            host.Stub.Requests.Should().ContainSingle();
        }
    }

    [Fact]
    public async Task Gives_up_after_the_configured_attempts_with_the_last_error()
    {
        using var host = new S3TestHost(new StubHandler(_ => Answer(HttpStatusCode.InternalServerError, "InternalError")), o => o.Retry.MaxRetryAttempts = 2);

        var act = () => FakeClock.RunAsync(host.Time, host.Client.HeadObjectAsync("bucket", "key"), Step);

        await act.Should().ThrowAsync<S3ServerException>();
        host.Stub.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        var calls = 0;
        using var host = new S3TestHost(new StubHandler(_ => ++calls == 1 ? throw new HttpRequestException("connection reset") : Answer(HttpStatusCode.OK, null)));

        await FakeClock.RunAsync(host.Time, host.Client.DeleteObjectAsync("bucket", "key"), Step);

        calls.Should().Be(2);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string? code)
    {
        var response = new HttpResponseMessage(status);
        if ((int)status >= 300 && code is not null)
        {
            response.Content = new StringContent($"<Error><Code>{code}</Code><Message>m</Message><RequestId>r</RequestId></Error>");
        }

        response.Headers.TryAddWithoutValidation("ETag", "\"etag\"");
        return response;
    }
}
