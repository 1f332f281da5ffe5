namespace S3Client.Fallback.Internal;

/// <summary>An endpoint answered a read pinned to an entity tag (<c>If-Match</c>) with another version.</summary>
internal sealed class MismatchedVersionException(string endpoint, string? expected, string? actual)
    : IOException($"Endpoint '{endpoint}' answered with entity tag {actual ?? "(none)"} where {expected} was pinned.");
