namespace S3Client;

/// <summary>An object to delete: its key and, optionally, one version.</summary>
/// <param name="Key">The object key.</param>
/// <param name="VersionId">The version to delete permanently, or null.</param>
public sealed record S3ObjectIdentifier(string Key, string? VersionId = null)
{
    /// <summary>Converts a key to an identifier without a version.</summary>
    /// <param name="key">The object key.</param>
    public static implicit operator S3ObjectIdentifier(string key) => new(key);

    /// <summary>Converts a key to an identifier without a version.</summary>
    /// <param name="key">The object key.</param>
    /// <returns>The identifier.</returns>
    public static S3ObjectIdentifier FromString(string key) => new(key);
}
