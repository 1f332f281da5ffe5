using Microsoft.Extensions.Time.Testing;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>
/// A fake clock that tells when a timer of a given delay has been created, so a test advances time only once the
/// hedge timer it means to fire exists (the read starts it on another thread).
/// </summary>
public sealed class HedgeClock(TimeSpan hedgeDelay) : FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))
{
    private readonly SemaphoreSlim _created = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == hedgeDelay)
        {
            _created.Release();
        }

        return timer;
    }

    /// <summary>Waits for the next hedge timer, then moves time by <paramref name="by"/>.</summary>
    public async Task AdvanceHedgeTimerAsync(TimeSpan by)
    {
        (await _created.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("the read starts a hedge timer");
        Advance(by);
    }
}
