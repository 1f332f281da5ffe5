namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.DeleteObjectsAsync"/>.</summary>
public sealed class DeleteObjectsOptions
{
    /// <summary>
    /// Whether the service reports only failures (the default), which keeps answers small; set to false to get every
    /// deleted key back in <see cref="DeleteObjectsResult.Deleted"/>.
    /// </summary>
    public bool Quiet { get; set; } = true;
}
