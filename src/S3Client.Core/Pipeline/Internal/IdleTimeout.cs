namespace S3Client.Pipeline.Internal;

/// <summary>
/// Fails a body read or write that moves no byte for longer than the idle timeout, with a <see cref="TimeoutException"/>;
/// progress moves the deadline, so a slow but steady transfer never times out. One reusable timer per body, driven by
/// the <see cref="TimeProvider"/>; the deadline stays set between reads, and a timer that fired while no read was
/// waiting is replaced on the next read.
/// </summary>
internal sealed class IdleTimeout : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly S3ClientRuntime? _timers;
    private CancellationTokenSource _timer;
    private long _armedAt;
    private bool _armed;

    /// <param name="timeout">The longest time without progress.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="timers">The client whose timer pool the timer comes from and returns to; none when null.</param>
    public IdleTimeout(TimeSpan timeout, TimeProvider timeProvider, S3ClientRuntime? timers = null)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _timers = timers;
        _timer = NewTimer();
    }

    public static IdleTimeout? Create(TimeSpan timeout, TimeProvider timeProvider, S3ClientRuntime? timers = null) =>
        timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan ? new IdleTimeout(timeout, timeProvider, timers) : null;

    public async ValueTask<int> ReadAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var token = Arm();
        using var link = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timer) : default;
        try
        {
            return await stream.ReadAsync(buffer, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && token.IsCancellationRequested)
        {
            throw Stalled("reading the response body", e);
        }
    }

    public async ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        var token = Arm();
        using var link = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timer) : default;
        try
        {
            await stream.WriteAsync(buffer, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && token.IsCancellationRequested)
        {
            throw Stalled("sending the request body", e);
        }
    }

    public void Dispose() => Release(_timer);

    // Re-arming a timer on every read of a large body costs more than the read; so the deadline moves only once half of
    // the timeout has passed since it was set. A body therefore fails after between half and all of the timeout without
    // data, never sooner.
    private CancellationToken Arm()
    {
        if (_timer.IsCancellationRequested)
        {
            Release(_timer);
            _timer = NewTimer();
            _armed = false;
        }

        if (!_armed || _timeProvider.GetElapsedTime(_armedAt) > _timeout / 2)
        {
            _timer.CancelAfter(_timeout);
            _armedAt = _timeProvider.GetTimestamp();
            _armed = true;
        }

        return _timer.Token;
    }


    private CancellationTokenSource NewTimer() =>
        _timers?.RentTimer(Timeout.InfiniteTimeSpan) ?? new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);

    private void Release(CancellationTokenSource timer)
    {
        if (_timers is null)
        {
            timer.Dispose();
        }
        else
        {
            _timers.ReturnTimer(timer);
        }
    }

    private TimeoutException Stalled(string what, Exception inner) =>
        new($"No data moved for {_timeout.TotalSeconds:0.###} s while {what} (Timeouts:ReadIdleTimeout); the transfer was stopped.", inner);
}
