namespace S3Client.Samples.Api;

/// <summary>The "Sample" section of appsettings.json.</summary>
internal sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>The bucket the files endpoints read and write; created at start when missing.</summary>
    public string Bucket { get; set; } = "s3client-api-sample";
}
