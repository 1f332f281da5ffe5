using System.Diagnostics;
using System.Net;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>A slow answer: nothing of the response reaches the client before the delay.</summary>
public class DelayTests
{
    [Fact]
    public async Task DelayResponse_holds_the_headers_for_the_delay_then_relays_the_answer_whole()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("slow but whole"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var rule = proxy.Add(new FaultRule(FaultAction.DelayResponse(TimeSpan.FromMilliseconds(300))) { Times = 1 });
        using var client = TestHttp.CreateClient();

        var watch = Stopwatch.StartNew();
        using var slow = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"), HttpCompletionOption.ResponseHeadersRead);
        var slowHeaders = watch.Elapsed;
        using var fast = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));

        slow.StatusCode.Should().Be(HttpStatusCode.OK);
        slowHeaders.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        (await slow.Content.ReadAsStringAsync()).Should().Be("slow but whole");
        (await fast.Content.ReadAsStringAsync()).Should().Be("slow but whole");
        rule.FiredCount.Should().Be(1);
    }
}
