namespace S3Client;

/// <summary>A key that a batch delete could not delete.</summary>
/// <param name="Key">The object key.</param>
/// <param name="VersionId">The version, when one was named.</param>
/// <param name="Code">The S3 error code, such as <c>AccessDenied</c>.</param>
/// <param name="Message">The service's message.</param>
public sealed record S3DeleteError(string Key, string? VersionId, string Code, string? Message);
