using System.Net;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Answers made by the proxy in the target's place, with or without the target doing the work first.</summary>
public class RespondTests
{
    [Fact]
    public async Task S3Error_answers_without_contacting_the_target_and_still_records_the_body()
    {
        var body = TestHttp.Bytes(70_000);
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("stored"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var rule = proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown", "Please reduce your request rate.")));
        using var client = TestHttp.CreateClient();

        using var response = await client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new ByteArrayContent(body));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        (await response.Content.ReadAsStringAsync()).Should()
            .Contain("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>");
        origin.ConnectionCount.Should().Be(0);
        var recorded = proxy.Requests.Should().ContainSingle().Subject;
        recorded.Rule.Should().BeSameAs(rule);
        recorded.BodySha256.Should().Be(TestHttp.Sha256(body));
        recorded.BodyComplete.Should().BeTrue();
    }

    [Fact]
    public async Task ForwardThenRespond_lets_the_target_do_the_work_and_replaces_its_answer()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("<CompleteMultipartUploadResult/>"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.S3Error(200, "InternalError", forwardFirst: true)));
        using var client = TestHttp.CreateClient();

        using var response = await client.PostAsync(new Uri(proxy.Url, "/bucket/key?uploadId=u1"), new StringContent("<CompleteMultipartUpload/>"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<Code>InternalError</Code>").And.NotContain("Result");
        var arrived = origin.Requests.Should().ContainSingle().Subject;
        arrived.Target.Should().Be("/bucket/key?uploadId=u1");
        arrived.BodyComplete.Should().BeTrue();
    }

    [Fact]
    public async Task Respond_sends_the_given_status_headers_and_body_with_its_own_framing()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("unused"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.Respond(404, "gone", ("x-amz-request-id", "r1"), ("Content-Length", "999"), ("Connection", "keep-alive"))));

        var answer = await TestHttp.RawExchangeAsync(proxy.Url, "GET /bucket/key HTTP/1.1\r\nHost: h\r\n\r\n");

        answer.Should().Be("HTTP/1.1 404 Not Found\r\nx-amz-request-id: r1\r\nContent-Length: 4\r\nConnection: close\r\n\r\ngone");
    }

    [Fact]
    public async Task Respond_to_HEAD_sends_the_length_but_no_body()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("unused"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.Respond(200, "hello")));

        var answer = await TestHttp.RawExchangeAsync(proxy.Url, "HEAD /bucket/key HTTP/1.1\r\nHost: h\r\n\r\n");

        answer.Should().Be("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
    }
}
