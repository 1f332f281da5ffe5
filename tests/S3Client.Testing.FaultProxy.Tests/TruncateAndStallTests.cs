using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Response bodies that end early with a graceful close, and bodies that stop flowing until a test lets them.</summary>
public class TruncateAndStallTests
{
    [Fact]
    public async Task TruncateResponseAfter_delivers_exactly_that_many_bytes_then_ends_the_body_early()
    {
        var body = TestHttp.Bytes(100_000);
        await using var origin = TestOrigin.Serving(body);
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.TruncateResponseAfter(12_345)));
        using var client = TestHttp.CreateClient();
        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"), HttpCompletionOption.ResponseHeadersRead);
        var received = new MemoryStream();

        var read = async () => await TestHttp.ReadAllAsync(await response.Content.ReadAsStreamAsync(), received);

        response.Content.Headers.ContentLength.Should().Be(body.Length);
        (await read.Should().ThrowAsync<HttpIOException>()).Which.HttpRequestError.Should().Be(HttpRequestError.ResponseEnded);
        received.ToArray().Should().Equal(body[..12_345]);
    }

    [Fact]
    public async Task TruncateResponseAfter_counts_the_framing_of_a_chunked_body()
    {
        var body = TestHttp.Bytes(5000);
        await using var origin = TestOrigin.Start(_ => new OriginResponse(200, body, BodyFraming.Chunked));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.TruncateResponseAfter(1010)));

        var answer = await TestHttp.RawExchangeAsync(proxy.Url, "GET /bucket/key HTTP/1.1\r\nHost: h\r\n\r\n");

        // "3e8;ext=1\r\n" (11 bytes) + 999 of the 1000 data bytes of the first chunk
        var relayedBody = answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        relayedBody.Length.Should().Be(1010);
        relayedBody.Should().StartWith("3e8;ext=1\r\n");
    }

    [Fact]
    public async Task StallResponse_holds_the_rest_of_the_body_until_released_while_other_requests_go_through()
    {
        var body = TestHttp.Bytes(200_000);
        await using var origin = TestOrigin.Serving(body);
        await using var proxy = FaultProxy.Start(origin.Url);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Add(new FaultRule(FaultAction.StallResponse(4096, release.Task)));
        using var client = TestHttp.CreateClient();
        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/stalled"), HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var start = new byte[4096];
        await stream.ReadExactlyAsync(start);

        var rest = new MemoryStream();
        var pending = TestHttp.ReadAllAsync(stream, rest);
        var stalled = pending.IsCompleted;
        var other = await client.GetByteArrayAsync(new Uri(proxy.Url, "/bucket/other"));
        var stillStalled = pending.IsCompleted;
        release.SetResult();
        await pending.WaitAsync(TimeSpan.FromSeconds(30));

        stalled.Should().BeFalse();
        stillStalled.Should().BeFalse();
        other.Should().Equal(body);
        start.Concat(rest.ToArray()).Should().Equal(body);
    }

    [Fact]
    public async Task Disposing_the_proxy_ends_a_stall_with_a_reset()
    {
        await using var origin = TestOrigin.Serving(TestHttp.Bytes(200_000));
        var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.StallResponse(4096, new TaskCompletionSource().Task)));
        using var client = TestHttp.CreateClient();
        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"), HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        await stream.ReadExactlyAsync(new byte[4096]);
        var pending = TestHttp.ReadAllAsync(stream, new MemoryStream());

        await proxy.DisposeAsync();

        await pending.Awaiting(p => p.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<IOException>();
    }

    [Fact]
    public async Task A_fault_past_the_end_of_the_body_lets_the_whole_response_through()
    {
        var body = TestHttp.Bytes(1000);
        await using var origin = TestOrigin.Serving(body);
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.StallResponse(1000, new TaskCompletionSource().Task)));
        proxy.Add(new FaultRule(FaultAction.TruncateResponseAfter(5000)));
        using var client = TestHttp.CreateClient();

        var stalledAtTheEnd = await client.GetByteArrayAsync(new Uri(proxy.Url, "/bucket/a"));
        var truncatedPastTheEnd = await client.GetByteArrayAsync(new Uri(proxy.Url, "/bucket/b"));

        stalledAtTheEnd.Should().Equal(body);
        truncatedPastTheEnd.Should().Equal(body);
        proxy.Requests.Select(r => r.Rule!.Action.ToString()).Should().Equal("StallResponse(1000)", "TruncateResponseAfter(5000)");
    }
}
