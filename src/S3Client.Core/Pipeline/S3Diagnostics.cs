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
/// Every instrument is tagged with <c>rpc.method</c>, the S3 operation. Each client's meter comes from the app's
/// <see cref="IMeterFactory"/> when it has one.
/// </remarks>
public static class S3Diagnostics
{
    /// <summary>The name of the activity source and of the meter: <c>S3Client</c>.</summary>
    public const string SourceName = "S3Client";

    internal static readonly string? Version = typeof(S3Diagnostics).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(SourceName, Version);
}
