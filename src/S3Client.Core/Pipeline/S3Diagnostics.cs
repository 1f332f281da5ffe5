using System.Diagnostics;

namespace S3Client;

/// <summary>The names of the library's <see cref="ActivitySource"/> and meter, for OpenTelemetry registration.</summary>
public static class S3Diagnostics
{
    /// <summary>The name of the activity source and of the meter: <c>S3Client</c>.</summary>
    public const string SourceName = "S3Client";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(S3Diagnostics).Assembly.GetName().Version?.ToString());
}
