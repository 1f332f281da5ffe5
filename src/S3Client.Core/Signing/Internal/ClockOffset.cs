using System.Runtime.CompilerServices;

namespace S3Client.Signing.Internal;

/// <summary>
/// How far the service's clock is from ours, learnt from a <c>RequestTimeTooSkewed</c> answer and added to every
/// signature time after it. Kept per options instance, so it survives the handler rotation of IHttpClientFactory.
/// </summary>
internal sealed class ClockOffset
{
    private static readonly ConditionalWeakTable<S3ClientOptions, ClockOffset> PerOptions = new();
    private long _ticks;

    public TimeSpan Value
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        set => Interlocked.Exchange(ref _ticks, value.Ticks);
    }

    public static ClockOffset For(S3ClientOptions options) => PerOptions.GetValue(options, static _ => new ClockOffset());
}
