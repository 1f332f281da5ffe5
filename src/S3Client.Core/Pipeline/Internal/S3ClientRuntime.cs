using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using S3Client.Signing.Internal;

namespace S3Client.Pipeline.Internal;

/// <summary>
/// What one client owns for its whole life, shared by its handlers (which IHttpClientFactory may rotate) and the
/// client itself: the options it was built with, its signer (credentials, signing keys, learnt clock offset), its
/// meter, clock and loggers.
/// </summary>
internal sealed class S3ClientRuntime : IDisposable
{
    private const int MaxPooledTimers = 64;
    private readonly System.Collections.Concurrent.ConcurrentQueue<CancellationTokenSource> _timers = new();
    private int _pooledTimers;
    private S3TimeoutOptions _timeouts;

    public S3ClientRuntime(
        S3ClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null,
        S3RequestSigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Signer = signer ?? S3RequestSigner.Create(options, TimeProvider);
        Metrics = new S3Metrics(meterFactory);
        _timeouts = options.Timeouts;
    }

    public S3ClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    public S3RequestSigner Signer { get; }

    public S3Metrics Metrics { get; }

    /// <summary>The timeouts in force: those of <see cref="Options"/>, or of the options a configuration reload brought.</summary>
    public S3TimeoutOptions Timeouts
    {
        get => Volatile.Read(ref _timeouts);
        set => Volatile.Write(ref _timeouts, value);
    }

    /// <summary>A new per-read idle timer for one body, or null when the idle timeout is off.</summary>
    public IdleTimeout? CreateIdleTimeout() => IdleTimeout.Create(Timeouts.ReadIdleTimeout, TimeProvider, this);

    /// <summary>
    /// A timer that cancels after <paramref name="timeout"/> on the client's clock, from a small pool: an attempt that
    /// ends in time hands it back (<see cref="ReturnTimer"/>), so a successful request allocates none.
    /// </summary>
    public CancellationTokenSource RentTimer(TimeSpan timeout)
    {
        if (!_timers.TryDequeue(out var timer))
        {
            timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, TimeProvider);
        }
        else
        {
            Interlocked.Decrement(ref _pooledTimers);
        }

        timer.CancelAfter(timeout);
        return timer;
    }

    /// <summary>Takes a timer back; one that fired, or beyond the pool's size, is disposed.</summary>
    public void ReturnTimer(CancellationTokenSource timer)
    {
        if (timer.TryReset() && Interlocked.Increment(ref _pooledTimers) <= MaxPooledTimers)
        {
            _timers.Enqueue(timer);
            return;
        }

        timer.Dispose();
    }

    public void Dispose()
    {
        Metrics.Dispose();
        while (_timers.TryDequeue(out var timer))
        {
            timer.Dispose();
        }
    }
}
