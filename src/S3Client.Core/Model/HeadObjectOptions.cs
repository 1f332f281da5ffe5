namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.HeadObjectAsync"/>.</summary>
public sealed class HeadObjectOptions
{
    /// <summary>A specific version to describe.</summary>
    public string? VersionId { get; set; }
}
