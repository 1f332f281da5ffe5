namespace S3Client.Samples.Api;

/// <summary>The answer to a presign request.</summary>
/// <param name="Url">The URL; whoever holds it can use it until it expires.</param>
/// <param name="Method">The one HTTP method the URL allows.</param>
/// <param name="ExpiresAt">When S3 starts refusing it.</param>
internal sealed record PresignedUrl(Uri Url, string Method, DateTimeOffset ExpiresAt);
