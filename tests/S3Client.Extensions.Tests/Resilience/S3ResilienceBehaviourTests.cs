using System.Net;
using Polly.CircuitBreaker;
using S3Client.Core.Tests.TestSupport;
using S3Client.Extensions.Tests.TestSupport;

namespace S3Client.Extensions.Tests.Resilience;

public class S3ResilienceBehaviourTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Throttling_delays_start_at_the_floor_and_grow_exponentially_with_bounded_jitter()
    {
        var times = new List<DateTimeOffset>();
        S3TestHost? host = null;
        host = new S3TestHost(new StubHandler(_ =>
        {
            times.Add(host!.Time.GetUtcNow());
            return Error(HttpStatusCode.ServiceUnavailable, "SlowDown");
        }), o => o.Retry.MaxRetryAttempts = 3);
        using var _ = host;

        var act = () => FakeClock.RunAsync(host.Time, host.Client.DeleteObjectAsync("bucket", "key"), Step);

        await act.Should().ThrowAsync<S3ServerException>();
        var delays = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        delays.Should().HaveCount(3);
        delays[0].Should().BeInRange(1.0, 1.2 + 0.02, "the first delay after SlowDown is at least MinThrottleDelay (1 s), +20 % jitter");
        delays[1].Should().BeInRange(1.6, 2.4 + 0.02);
        delays[2].Should().BeInRange(3.2, 4.8 + 0.02);
    }

    [Fact]
    public async Task A_longer_retry_after_from_the_service_wins()
    {
        var times = new List<DateTimeOffset>();
        S3TestHost? host = null;
        host = new S3TestHost(new StubHandler(_ =>
        {
            times.Add(host!.Time.GetUtcNow());
            var response = Error(HttpStatusCode.TooManyRequests, "SlowDown");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        }), o => o.Retry.MaxRetryAttempts = 1);
        using var _ = host;

        var act = () => FakeClock.RunAsync(host.Time, host.Client.DeleteObjectAsync("bucket", "key"), TimeSpan.FromMilliseconds(100));

        await act.Should().ThrowAsync<S3ClientException>();
        (times[1] - times[0]).TotalSeconds.Should().BeInRange(7, 7.2);
    }

    [Fact]
    public async Task Server_error_delays_use_exponential_backoff_with_jitter_within_the_maximum()
    {
        var times = new List<DateTimeOffset>();
        S3TestHost? host = null;
        host = new S3TestHost(new StubHandler(_ =>
        {
            times.Add(host!.Time.GetUtcNow());
            return Error(HttpStatusCode.InternalServerError, "InternalError");
        }), o =>
        {
            o.Retry.MaxRetryAttempts = 6;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        });
        using var _ = host;

        var act = () => FakeClock.RunAsync(host.Time, host.Client.DeleteObjectAsync("bucket", "key"), Step);

        await act.Should().ThrowAsync<S3ServerException>();
        var delays = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        delays.Should().HaveCount(6);
        delays.Should().OnlyContain(d => d <= 2.0 + 0.02, "MaxDelay caps every delay");
        delays.Sum().Should().BeGreaterThan(0.2, "the delays are not collapsed to zero");
        delays.Distinct().Should().HaveCountGreaterThan(1, "jitter spreads the delays");
    }

    [Fact]
    public async Task The_circuit_opens_after_the_configured_failures_and_closes_after_the_break()
    {
        var fail = true;
        using var host = new S3TestHost(new StubHandler(_ => fail ? Error(HttpStatusCode.InternalServerError, "InternalError") : new HttpResponseMessage(HttpStatusCode.NoContent)), o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 4;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        });

        for (var i = 0; i < 4; i++)
        {
            await host.Client.Invoking(c => c.DeleteObjectAsync("bucket", "key")).Should().ThrowAsync<S3ServerException>();
        }

        var whileOpen = () => host.Client.DeleteObjectAsync("bucket", "key");
        var open = (await whileOpen.Should().ThrowAsync<S3ServiceUnavailableException>()).Which;
        open.IsTransient.Should().BeTrue();
        open.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        open.RetryAfter.Should().Be(TimeSpan.FromSeconds(5), "the break started now on the fake clock");
        open.InnerException.Should().BeOfType<BrokenCircuitException>("Polly's exception stays inside, for whoever wants it");
        host.Stub.Requests.Should().HaveCount(4, "an open circuit fails fast without sending");

        fail = false;
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await host.Client.DeleteObjectAsync("bucket", "key");
        await host.Client.DeleteObjectAsync("bucket", "key");

        host.Stub.Requests.Should().HaveCount(6);
        host.Logs.Entries.Should().Contain(e => e.Entry.EventId.Id == 103).And.Contain(e => e.Entry.EventId.Id == 104);
    }

    [Fact]
    public async Task A_skewed_clock_is_corrected_from_the_server_date_and_the_request_sent_once_more()
    {
        S3TestHost? host = null;
        var serverTime = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.Zero);
        host = new S3TestHost(new StubHandler(request =>
        {
            if (host!.Stub.Requests.Count > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }

            var response = Error(HttpStatusCode.Forbidden, "RequestTimeTooSkewed");
            response.Headers.Date = serverTime;
            return response;
        }));
        using var _ = host;

        await host.Client.DeleteObjectAsync("bucket", "key");
        await host.Client.DeleteObjectAsync("bucket", "other");

        host.Stub.Requests.Should().HaveCount(3);
        host.Stub.Requests[0].Headers["x-amz-date"].Should().Be("20260102T030405Z");
        host.Stub.Requests[1].Headers["x-amz-date"].Should().Be("20260102T040405Z", "the retry is signed with the server's time");
        host.Stub.Requests[2].Headers["x-amz-date"].Should().Be("20260102T040405Z", "the offset is kept for later requests");
    }

    [Fact]
    public async Task Expired_session_credentials_are_refreshed_and_the_request_sent_once_more()
    {
        var provider = new RefreshingProvider();
        using var host = new S3TestHost(new StubHandler(request =>
            request.Headers.GetValues("x-amz-security-token").Single() == "old-token"
                ? Error(HttpStatusCode.BadRequest, "ExpiredToken")
                : new HttpResponseMessage(HttpStatusCode.NoContent)), o =>
        {
            o.AccessKeyId = null;
            o.SecretAccessKey = null;
            o.SessionToken = null;
            o.CredentialsProvider = provider;
        });

        await host.Client.DeleteObjectAsync("bucket", "key");

        provider.Refreshes.Should().Be(1);
        host.Stub.Requests.Select(r => r.Headers["x-amz-security-token"]).Should().Equal("old-token", "new-token");
    }

    [Theory]
    [InlineData("RequestTimeout", true)]
    [InlineData("InvalidArgument", false)]
    [InlineData("EntityTooSmall", false)]
    public async Task A_400_is_retried_only_for_RequestTimeout(string code, bool retried)
    {
        var calls = 0;
        using var host = new S3TestHost(new StubHandler(_ => ++calls == 1 ? Error(HttpStatusCode.BadRequest, code) : new HttpResponseMessage(HttpStatusCode.OK)));

        var act = () => FakeClock.RunAsync(host.Time, host.Client.PutObjectAsync("bucket", "key", new MemoryStream([1, 2, 3])), Step);

        if (retried)
        {
            await act.Should().NotThrowAsync();
            calls.Should().Be(2);
        }
        else
        {
            (await act.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be(code);
            calls.Should().Be(1);
        }
    }

    [Fact]
    public async Task A_complete_multipart_upload_that_fails_after_200_is_retried_then_succeeds()
    {
        var calls = 0;
        using var host = new S3TestHost(new StubHandler(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<CompleteMultipartUploadResult><ETag>\"abc-2\"</ETag></CompleteMultipartUploadResult>") }));

        var result = await FakeClock.RunAsync(host.Time, host.Client.CompleteMultipartUploadAsync("bucket", "key", "upload-1", [new S3CompletedPart(1, "\"e1\"")]), Step);

        calls.Should().Be(2);
        result.ETag.Should().Be("\"abc-2\"");
    }

    [Fact]
    public async Task A_copy_that_keeps_failing_after_200_surfaces_as_a_server_error()
    {
        using var host = new S3TestHost(new StubHandler(_ =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<Error><Code>InternalError</Code><Message>boom</Message><RequestId>r-9</RequestId></Error>") }),
            o => o.Retry.MaxRetryAttempts = 2);

        var act = () => FakeClock.RunAsync(host.Time, host.Client.CopyObjectAsync("bucket", "a", "bucket", "b"), Step);

        var thrown = await act.Should().ThrowAsync<S3ServerException>();
        thrown.Which.ErrorCode.Should().Be("InternalError");
        thrown.Which.RequestId.Should().Be("r-9");
        host.Stub.Requests.Should().HaveCount(3);
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code) =>
        new(status) { Content = new StringContent($"<Error><Code>{code}</Code><Message>m</Message><RequestId>r</RequestId></Error>") };

    private sealed class RefreshingProvider : IS3CredentialsProvider
    {
        private S3Credentials _current = new("AKIDTEMP", "secret-1", "old-token");

        public int Refreshes { get; private set; }

        public ValueTask<S3Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_current);

        public ValueTask<S3Credentials> RefreshCredentialsAsync(CancellationToken cancellationToken = default)
        {
            Refreshes++;
            _current = new S3Credentials("AKIDTEMP2", "secret-2", "new-token");
            return new(_current);
        }
    }
}
