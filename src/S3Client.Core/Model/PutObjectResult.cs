namespace S3Client;

/// <summary>The outcome of <see cref="IS3Client.PutObjectAsync"/>.</summary>
public sealed class PutObjectResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="eTag">The entity tag of the stored object, with its quotes.</param>
    /// <param name="versionId">The version id, when the bucket is versioned.</param>
    public PutObjectResult(string? eTag, string? versionId)
    {
        ETag = eTag;
        VersionId = versionId;
    }

    /// <summary>The entity tag of the stored object, with its quotes (for a single PUT usually the quoted MD5).</summary>
    public string? ETag { get; }

    /// <summary>The version id, when the bucket is versioned.</summary>
    public string? VersionId { get; }
}
