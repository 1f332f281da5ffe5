using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace S3Client.Pipeline.Internal;

/// <summary>
/// The instruments of one client's meter, created from the app's <see cref="IMeterFactory"/> (or owned by the client
/// when there is none), so nothing about a client's measurements lives in static state.
/// </summary>
internal sealed class S3Metrics : IDisposable
{
    private readonly Meter? _ownedMeter;

    public S3Metrics(IMeterFactory? meterFactory)
    {
        var meterOptions = new MeterOptions(S3Diagnostics.SourceName) { Version = S3Diagnostics.Version };
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownedMeter = new Meter(meterOptions);
        }
        else
        {
            meter = meterFactory.Create(meterOptions);
        }

        Meter = meter;
        OperationDuration = meter.CreateHistogram<double>(
            "s3client.operation.duration", "s", "Duration of S3 operations, all attempts and delays included.");
        BytesSent = meter.CreateCounter<long>("s3client.bytes.sent", "By", "Request body bytes of S3 operations.");
        BytesReceived = meter.CreateCounter<long>("s3client.bytes.received", "By", "Response body bytes of S3 operations.");
        Retries = meter.CreateCounter<long>("s3client.retries", "{retry}", "Attempts after the first, by operation.");
        Errors = meter.CreateCounter<long>("s3client.errors", "{error}", "Failed S3 operations, by error code.");
    }

    /// <summary>The client's meter, for instruments of other features (fallback) to join.</summary>
    public Meter Meter { get; }

    public Histogram<double> OperationDuration { get; }

    public Counter<long> BytesSent { get; }

    public Counter<long> BytesReceived { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Errors { get; }

    /// <summary>Whether any listener records one of the instruments, so unobserved operations skip building tags.</summary>
    public bool IsObserved => OperationDuration.Enabled || BytesSent.Enabled || BytesReceived.Enabled || Retries.Enabled || Errors.Enabled;

    /// <summary>Counts the body bytes of one answer: the one place received bytes are counted.</summary>
    public void Received(long bytes, string operation)
    {
        if (bytes > 0 && BytesReceived.Enabled)
        {
            BytesReceived.Add(bytes, new KeyValuePair<string, object?>("rpc.method", operation));
        }
    }

    public void Dispose() => _ownedMeter?.Dispose();

    internal static TagList Tags(string operation) => new() { { "rpc.method", operation } };
}
