using System.Net;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Without rules the proxy is transparent: every request and response arrives as sent.</summary>
public class PassThroughTests
{
    [Fact]
    public async Task Get_is_relayed_with_status_headers_and_body()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("hello") with { Headers = [new("x-amz-meta-colour", "blue")] });
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();

        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key?versionId=7"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("hello");
        response.Headers.GetValues("x-amz-meta-colour").Should().Equal("blue");
        origin.Requests.Should().ContainSingle().Which.Target.Should().Be("/bucket/key?versionId=7");
        var recorded = proxy.Requests.Should().ContainSingle().Subject;
        recorded.Head.Method.Should().Be("GET");
        recorded.Head.PathAndQuery.Should().Be("/bucket/key?versionId=7");
        recorded.Head.Path.Should().Be("/bucket/key");
        recorded.Head.Query.Should().Be("versionId=7");
        recorded.BodyLength.Should().Be(0);
        recorded.BodyComplete.Should().BeTrue();
        recorded.Rule.Should().BeNull();
    }

    [Fact]
    public async Task Put_body_reaches_the_target_and_its_hash_is_recorded()
    {
        var body = TestHttp.Bytes(1024 * 1024 + 17);
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text(""));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();

        using var response = await client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new ByteArrayContent(body));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        origin.Requests.Should().ContainSingle().Which.Body.Should().Equal(body);
        var recorded = proxy.Requests.Should().ContainSingle().Subject;
        recorded.BodyLength.Should().Be(body.Length);
        recorded.BodySha256.Should().Be(TestHttp.Sha256(body));
        recorded.BodyComplete.Should().BeTrue();
    }

    [Fact]
    public async Task A_32_MiB_body_streams_through_both_ways_intact()
    {
        var body = TestHttp.Bytes(32 * 1024 * 1024 + 3, seed: 5);
        await using var origin = TestOrigin.Start(request => OriginResponse.Ok(request.Body));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();

        using var response = await client.PutAsync(new Uri(proxy.Url, "/bucket/big"), new ByteArrayContent(body));
        var echoed = await response.Content.ReadAsByteArrayAsync();

        TestHttp.Sha256(echoed).Should().Be(TestHttp.Sha256(body));
        proxy.Requests.Should().ContainSingle().Which.BodySha256.Should().Be(TestHttp.Sha256(body));
    }

    [Fact]
    public async Task Chunked_request_body_is_forwarded_as_is_and_its_payload_hash_recorded()
    {
        var body = TestHttp.Bytes(300_000, seed: 2);
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("stored"));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(proxy.Url, "/bucket/chunked")) { Content = new ByteArrayContent(body) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).Should().Be("stored");
        var arrived = origin.Requests.Should().ContainSingle().Subject;
        arrived.Header("Transfer-Encoding").Should().Be("chunked");
        arrived.Body.Should().Equal(body);
        var recorded = proxy.Requests.Should().ContainSingle().Subject;
        recorded.BodyLength.Should().Be(body.Length);
        recorded.BodySha256.Should().Be(TestHttp.Sha256(body));
    }

    [Theory]
    [InlineData(BodyFraming.Chunked)]
    [InlineData(BodyFraming.UntilClose)]
    public async Task Response_bodies_without_a_Content_Length_are_relayed_in_full(BodyFraming framing)
    {
        var body = TestHttp.Bytes(250_001, seed: 3);
        await using var origin = TestOrigin.Start(_ => new OriginResponse(200, body, framing));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();

        var received = await client.GetByteArrayAsync(new Uri(proxy.Url, "/bucket/key"));

        received.Should().Equal(body);
    }

    [Fact]
    public async Task Host_header_reaches_the_target_unchanged()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text(""));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.Url, "/key"));
        request.Headers.Host = "bucket.s3.example.test:9000";

        using (await client.SendAsync(request))
        {
        }

        using (await client.GetAsync(new Uri(proxy.Url, "/bucket/key")))
        {
        }

        origin.Requests.Select(r => r.Header("Host")).Should().Equal("bucket.s3.example.test:9000", $"127.0.0.1:{proxy.Url.Port}");
        proxy.Requests[0].Head.GetHeader("host").Should().Be("bucket.s3.example.test:9000");
    }

    [Fact]
    public async Task Each_request_gets_its_own_connections_with_Connection_close_both_ways()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.Url, "/bucket/a"));
        request.Headers.Connection.Add("keep-alive");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");

        using var first = await client.SendAsync(request);
        using var second = await client.GetAsync(new Uri(proxy.Url, "/bucket/b"));
        using var third = await client.GetAsync(new Uri(proxy.Url, "/bucket/c"));

        first.Headers.ConnectionClose.Should().BeTrue("the origin did not say so, but the proxy closes after one exchange");
        origin.ConnectionCount.Should().Be(3);
        var arrived = origin.Requests[0];
        arrived.Headers.Where(h => h.Key is "Connection" or "Keep-Alive").Select(h => $"{h.Key}: {h.Value}").Should().Equal("Connection: close");
    }

    [Fact]
    public async Task Expect_100_continue_is_answered_by_the_proxy_and_not_forwarded()
    {
        var body = TestHttp.Bytes(10_000);
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("stored"));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(proxy.Url, "/bucket/key")) { Content = new ByteArrayContent(body) };
        request.Headers.ExpectContinue = true;

        // The client waits up to a minute for "100 Continue" and gives up after 30 s: only the proxy's answer lets it finish.
        using var response = await client.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).Should().Be("stored");
        var arrived = origin.Requests.Should().ContainSingle().Subject;
        arrived.Header("Expect").Should().BeNull();
        arrived.Body.Should().Equal(body);
    }

    [Fact]
    public async Task A_head_that_arrives_a_byte_at_a_time_is_read_whole()
    {
        await using var origin = TestOrigin.Start(request => OriginResponse.Text($"{request.Method} {request.Target} {request.Header("x-amz-meta-a")}"));
        await using var proxy = FaultProxy.Start(origin.Url);

        var answer = await TestHttp.RawExchangeAsync(proxy.Url, "GET /bucket/key HTTP/1.1\r\nHost: h\r\nx-amz-meta-a: b\r\n\r\n", pieceSize: 1);

        answer.Should().StartWith("HTTP/1.1 200 ").And.Contain("\r\nConnection: close\r\n").And.EndWith("\r\n\r\nGET /bucket/key b");
    }
}
