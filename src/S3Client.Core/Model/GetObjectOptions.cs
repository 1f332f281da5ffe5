namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.GetObjectAsync"/>.</summary>
public sealed class GetObjectOptions : S3ReadConditions
{
    /// <summary>A byte range to read instead of the whole object.</summary>
    public S3ByteRange? Range { get; set; }

    /// <summary>A specific version to read.</summary>
    public string? VersionId { get; set; }

    /// <summary>The SSE-C key the object was stored with.</summary>
    public S3CustomerKey? CustomerKey { get; set; }
}
