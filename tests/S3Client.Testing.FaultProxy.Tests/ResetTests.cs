using System.Net;
using System.Net.Sockets;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Connections reset (TCP RST) before the response, in the middle of an upload, and in the middle of a download.</summary>
public class ResetTests
{
    [Fact]
    public async Task ResetBeforeResponse_fails_the_request_although_the_target_did_the_work()
    {
        var body = TestHttp.Bytes(50_000);
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("stored"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.ResetBeforeResponse()));
        using var client = TestHttp.CreateClient();

        var put = () => client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new ByteArrayContent(body));

        (await put.Should().ThrowAsync<HttpRequestException>()).Which.InnerException.Should().BeAssignableTo<IOException>()
            .Which.InnerException.Should().BeOfType<SocketException>().Which.SocketErrorCode.Should().Be(SocketError.ConnectionReset);
        origin.Requests.Should().ContainSingle().Which.Body.Should().Equal(body);
        proxy.Requests.Should().ContainSingle().Which.BodyComplete.Should().BeTrue();
    }

    [Fact]
    public async Task ResetBeforeResponse_without_forwarding_never_reaches_the_target()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("stored"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.ResetBeforeResponse(forwardRequest: false)));
        using var client = TestHttp.CreateClient();

        var put = () => client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new StringContent("data"));

        await put.Should().ThrowAsync<HttpRequestException>();
        origin.ConnectionCount.Should().Be(0);
        proxy.Requests.Should().ContainSingle().Which.BodyLength.Should().Be(4);
    }

    [Fact]
    public async Task ResetAfterRequestBytes_breaks_an_upload_off_in_the_middle()
    {
        var body = TestHttp.Bytes(8 * 1024 * 1024);
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("stored"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.ResetAfterRequestBytes(100_000)));
        using var client = TestHttp.CreateClient();

        var put = () => client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new ByteArrayContent(body));

        await put.Should().ThrowAsync<HttpRequestException>();
        var recorded = proxy.Requests.Should().ContainSingle().Subject;
        recorded.BodyLength.Should().Be(100_000);
        recorded.BodySha256.Should().Be(TestHttp.Sha256(body[..100_000]));
        recorded.BodyComplete.Should().BeFalse();
        var arrived = await origin.NextRequestAsync();
        arrived.BodyComplete.Should().BeFalse("the target's connection is reset too");
        arrived.Body.Length.Should().BeLessThanOrEqualTo(100_000);
        arrived.Body.Should().Equal(body[..arrived.Body.Length]);
    }

    [Fact]
    public async Task ResetAfterResponseBytes_fails_the_body_read_after_the_head_and_some_bytes()
    {
        var body = TestHttp.Bytes(1024 * 1024);
        await using var origin = TestOrigin.Serving(body);
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.ResetAfterResponseBytes(10_000)));
        using var client = TestHttp.CreateClient();
        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"), HttpCompletionOption.ResponseHeadersRead);
        var received = new MemoryStream();

        var read = async () => await TestHttp.ReadAllAsync(await response.Content.ReadAsStreamAsync(), received);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(body.Length);
        (await read.Should().ThrowAsync<IOException>()).WithInnerException<SocketException>()
            .Which.SocketErrorCode.Should().Be(SocketError.ConnectionReset, "a reset, not a graceful end of the body");
        received.Length.Should().BeLessThanOrEqualTo(10_000);
        received.ToArray().Should().Equal(body[..(int)received.Length]);
    }

    [Fact]
    public async Task ResetAfterResponseBytes_zero_fails_a_buffered_get()
    {
        await using var origin = TestOrigin.Serving(TestHttp.Bytes(5000));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.ResetAfterResponseBytes(0)));
        using var client = TestHttp.CreateClient();

        var get = () => client.GetByteArrayAsync(new Uri(proxy.Url, "/bucket/key"));

        await get.Should().ThrowAsync<HttpRequestException>();
    }
}
