namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.DeleteObjectAsync"/>.</summary>
public sealed class DeleteObjectOptions
{
    /// <summary>A specific version to delete permanently; without it a versioned bucket gets a delete marker.</summary>
    public string? VersionId { get; set; }
}
