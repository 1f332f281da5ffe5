namespace S3Client.Samples.Worker;

/// <summary>The outcome of a successful round trip, for the final log line.</summary>
internal sealed record RoundTripSummary(int ObjectCount, long BytesUploaded, long BytesDownloaded, int Verified, TimeSpan Elapsed);
