namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.HeadObjectAsync"/>.</summary>
public sealed class HeadObjectOptions : S3ReadConditions
{
    /// <summary>A specific version to describe.</summary>
    public string? VersionId { get; set; }

    /// <summary>The SSE-C key the object was stored with.</summary>
    public S3CustomerKey? CustomerKey { get; set; }
}
