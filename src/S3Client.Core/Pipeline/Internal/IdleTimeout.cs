namespace S3Client.Pipeline.Internal;

/// <summary>
/// Fails a body read or write that moves no byte for longer than the idle timeout, with a <see cref="TimeoutException"/>;
/// every completed read or write starts the clock again, so a slow but steady transfer never times out. One reusable
/// timer per body, driven by the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class IdleTimeout : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private CancellationTokenSource _timer;

    public IdleTimeout(TimeSpan timeout, TimeProvider timeProvider)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
    }

    public static IdleTimeout? Create(TimeSpan timeout, TimeProvider timeProvider) =>
        timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan ? new IdleTimeout(timeout, timeProvider) : null;

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
        finally
        {
            Disarm();
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
        finally
        {
            Disarm();
        }
    }

    public void Dispose() => _timer.Dispose();

    private CancellationToken Arm()
    {
        if (!_timer.TryReset())
        {
            _timer.Dispose();
            _timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        }

        _timer.CancelAfter(_timeout);
        return _timer.Token;
    }

    private void Disarm() => _timer.CancelAfter(Timeout.InfiniteTimeSpan);

    private TimeoutException Stalled(string what, Exception inner) =>
        new($"No data moved for {_timeout.TotalSeconds:0.###} s while {what} (Timeouts:ReadIdleTimeout); the transfer was stopped.", inner);
}
