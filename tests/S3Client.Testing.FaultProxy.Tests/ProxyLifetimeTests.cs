using System.Net;
using System.Net.Sockets;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Many connections at once, a target that is down, requests the proxy refuses, and disposal.</summary>
public class ProxyLifetimeTests
{
    [Fact]
    public async Task Parallel_uploads_all_arrive_intact_and_are_all_recorded()
    {
        var bodies = Enumerable.Range(0, 16).Select(i => TestHttp.Bytes(256 * 1024 + i, seed: i)).ToArray();
        await using var origin = TestOrigin.Start(request => OriginResponse.Text(TestHttp.Sha256(request.Body)));
        await using var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();

        var answers = await Task.WhenAll(bodies.Select(async (body, i) =>
        {
            using var response = await client.PutAsync(new Uri(proxy.Url, $"/bucket/part{i}"), new ByteArrayContent(body));
            return await response.Content.ReadAsStringAsync();
        }));

        var expected = bodies.Select(TestHttp.Sha256).ToArray();
        answers.Should().Equal(expected);
        proxy.Requests.Select(r => r.BodySha256).Should().BeEquivalentTo(expected);
        origin.ConnectionCount.Should().Be(16);
    }

    [Fact]
    public async Task A_target_that_is_down_gives_a_502()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var proxy = FaultProxy.Start(new Uri($"http://127.0.0.1:{port}/"));
        using var client = TestHttp.CreateClient();

        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("SocketException");
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1 501 ")]
    [InlineData("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 4\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("GET /\r\nHost: h\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("GET / HTTP/1.1\r\nHost h\r\n\r\n", "HTTP/1.1 400 ")]
    public async Task Requests_the_proxy_cannot_frame_are_refused_clearly(string request, string statusLine)
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);

        var answer = await TestHttp.RawExchangeAsync(proxy.Url, request);

        answer.Should().StartWith(statusLine);
        origin.ConnectionCount.Should().Be(0);
        proxy.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task After_disposal_the_proxy_accepts_no_connections()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        var proxy = FaultProxy.Start(origin.Url);
        using var client = TestHttp.CreateClient();
        using (await client.GetAsync(new Uri(proxy.Url, "/bucket/key")))
        {
        }

        await proxy.DisposeAsync();
        await proxy.DisposeAsync();

        await FluentActions.Awaiting(() => client.GetAsync(new Uri(proxy.Url, "/bucket/key"))).Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public void Only_http_targets_are_accepted()
    {
        FluentActions.Invoking(() => FaultProxy.Start(new Uri("https://127.0.0.1:9000/"))).Should().Throw<ArgumentException>();
    }
}
