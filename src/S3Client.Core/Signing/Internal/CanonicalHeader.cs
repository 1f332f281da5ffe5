namespace S3Client.Signing.Internal;

/// <summary>A header as it enters the canonical request: lower-case name, trimmed value with inner spaces collapsed.</summary>
internal readonly record struct CanonicalHeader(string Name, string Value);
