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
    public IdleTimeout? CreateIdleTimeout() => IdleTimeout.Create(Timeouts.ReadIdleTimeout, TimeProvider);

    public void Dispose() => Metrics.Dispose();
}
