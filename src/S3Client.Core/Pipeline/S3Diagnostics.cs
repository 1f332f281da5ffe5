using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace S3Client;

/// <summary>
/// The names of the library's <see cref="ActivitySource"/> and <see cref="Meter"/>, for OpenTelemetry registration
/// (<c>.AddSource(S3Diagnostics.SourceName)</c>, <c>.AddMeter(S3Diagnostics.SourceName)</c>).
/// </summary>
/// <remarks>
/// Metrics: <c>s3client.operation.duration</c> (histogram, seconds), <c>s3client.bytes.sent</c> and
/// <c>s3client.bytes.received</c> (counters, bytes of bodies), <c>s3client.retries</c> (counter) and
/// <c>s3client.errors</c> (counter, tagged with <c>error.type</c>: the S3 error code, the status or the exception type).
/// Every instrument is tagged with <c>rpc.method</c>, the S3 operation.
/// </remarks>
public static class S3Diagnostics
{
    /// <summary>The name of the activity source and of the meter: <c>S3Client</c>.</summary>
    public const string SourceName = "S3Client";

    private static readonly string? Version = typeof(S3Diagnostics).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(SourceName, Version);

    internal static readonly Meter Meter = new(SourceName, Version);

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "s3client.operation.duration", "s", "Duration of S3 operations, all attempts and delays included.");

    internal static readonly Counter<long> BytesSent = Meter.CreateCounter<long>("s3client.bytes.sent", "By", "Request body bytes of S3 operations.");

    internal static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>("s3client.bytes.received", "By", "Response body bytes of S3 operations.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("s3client.retries", "{retry}", "Attempts after the first, by operation.");

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>("s3client.errors", "{error}", "Failed S3 operations, by error code.");

    /// <summary>Whether any listener records one of the instruments, so unobserved operations skip building tags.</summary>
    internal static bool IsObserved =>
        OperationDuration.Enabled || BytesSent.Enabled || BytesReceived.Enabled || Retries.Enabled || Errors.Enabled;
}
