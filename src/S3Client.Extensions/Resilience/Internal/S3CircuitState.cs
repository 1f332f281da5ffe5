namespace S3Client.Resilience.Internal;

/// <summary>When a client's circuit opened and for how long, so a refused call can say how long is left.</summary>
internal sealed class S3CircuitState(TimeProvider timeProvider)
{
    private long _breakEndsTicks;

    /// <summary>The break time left, or null when no break is running.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            var left = Interlocked.Read(ref _breakEndsTicks) - timeProvider.GetUtcNow().UtcTicks;
            return left > 0 ? TimeSpan.FromTicks(left) : null;
        }
    }

    public void Opened(TimeSpan breakDuration) => Interlocked.Exchange(ref _breakEndsTicks, (timeProvider.GetUtcNow() + breakDuration).UtcTicks);
}
