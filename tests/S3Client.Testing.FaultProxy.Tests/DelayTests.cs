using System.Net;
using Microsoft.Extensions.Time.Testing;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>A slow answer: nothing of the response reaches the client before the delay.</summary>
public class DelayTests
{
    [Fact]
    public async Task DelayResponse_holds_the_headers_for_the_delay_then_relays_the_answer_whole()
    {
        var clock = new TimerSignallingTimeProvider();
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("slow but whole"));
        await using var proxy = FaultProxy.Start(origin.Url, clock);
        var rule = proxy.Add(new FaultRule(FaultAction.DelayResponse(TimeSpan.FromMilliseconds(300))) { Times = 1 });
        using var client = TestHttp.CreateClient();

        var slow = client.GetAsync(new Uri(proxy.Url, "/bucket/key"), HttpCompletionOption.ResponseHeadersRead);
        await clock.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the origin has answered; the proxy holds it
        clock.Advance(TimeSpan.FromMilliseconds(299));
        var heldBeforeTheDelay = !slow.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var slowAnswer = await slow.WaitAsync(TimeSpan.FromSeconds(30));
        using var fast = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));

        heldBeforeTheDelay.Should().BeTrue("no header may leave the proxy before the delay has passed");
        slowAnswer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await slowAnswer.Content.ReadAsStringAsync()).Should().Be("slow but whole");
        (await fast.Content.ReadAsStringAsync()).Should().Be("slow but whole");
        rule.FiredCount.Should().Be(1);
    }

    /// <summary>A fake clock that says when the proxy has started its delay, so the test advances time only then.</summary>
    private sealed class TimerSignallingTimeProvider : FakeTimeProvider
    {
        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }
}
