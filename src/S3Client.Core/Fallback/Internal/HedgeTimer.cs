namespace S3Client.Fallback.Internal;

/// <summary>
/// The hedge delay of a read, on the client's <see cref="TimeProvider"/>: <see cref="Elapsed"/> completes when the
/// newest request has waited the delay; never completes without one (failover mode).
/// </summary>
internal sealed class HedgeTimer : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _delay;
    private CancellationTokenSource? _cts;

    public HedgeTimer(TimeProvider timeProvider, TimeSpan? delay)
    {
        _timeProvider = timeProvider;
        _delay = delay;
        Elapsed = new TaskCompletionSource().Task;
    }

    public Task Elapsed { get; private set; }

    public void Restart(CancellationToken cancellationToken)
    {
        if (_delay is not { } delay)
        {
            return;
        }

        _cts?.Cancel();
        _cts?.Dispose();
        _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = _timeProvider.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), elapsed, delay, Timeout.InfiniteTimeSpan);
        _cts.Token.Register(static state => ((ITimer)state!).Dispose(), timer);
        Elapsed = elapsed.Task;
    }

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
    }
}
