namespace S3Client.Benchmarks.Reporting;

/// <summary>What AWSSDK.S3 did with one kind of upload that our client supports.</summary>
/// <param name="Case">What was tried.</param>
/// <param name="Benchmarks">The benchmark methods that depend on it (skipped when it fails), as <c>Type.Method</c>.</param>
/// <param name="Succeeded">Whether the upload succeeded.</param>
/// <param name="Outcome">"works", or the exception type and message.</param>
public sealed record SdkProbeResult(string Case, IReadOnlyList<string> Benchmarks, bool Succeeded, string Outcome);
