namespace S3Client;

/// <summary>One failed item of a bulk operation.</summary>
/// <param name="Key">The object key (for a local file that could not be read, the key it would have had).</param>
/// <param name="Exception">Why it failed, after the retries: an <see cref="S3Exception"/>, a network or file error, or an <see cref="ArgumentException"/> for a key or path that cannot be used.</param>
public sealed record BulkFailure(string Key, Exception Exception);
