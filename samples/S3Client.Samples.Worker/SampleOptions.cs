namespace S3Client.Samples.Worker;

/// <summary>The "Sample" section of appsettings.json: what the round trip creates.</summary>
internal sealed class SampleOptions
{
    public const string SectionName = "Sample";

    public const string ValidationMessage =
        "Sample: BucketNamePrefix needs 3 to 40 characters of a-z, 0-9 and '-', starting with a letter or digit; "
        + "ObjectCount must be 1 to 1000, ObjectSizeBytes 0 to 67108864 and ListPageSize 1 to 1000.";

    /// <summary>The start of the bucket name; a timestamp and a random suffix make each run's bucket unique.</summary>
    public string BucketNamePrefix { get; set; } = "s3client-sample";

    public int ObjectCount { get; set; } = 12;

    public int ObjectSizeBytes { get; set; } = 256 * 1024;

    /// <summary>Keys per ListObjectsV2 page; smaller than ObjectCount so that the listing follows continuation tokens.</summary>
    public int ListPageSize { get; set; } = 5;

    /// <summary>Seeds the generated content, so the same settings always upload the same bytes.</summary>
    public int ContentSeed { get; set; } = 20130524;

    // The prefix leaves room for the 23-character suffix within S3's 63-character limit on bucket names.
    public bool IsValid() =>
        BucketNamePrefix.Length is >= 3 and <= 40
        && (char.IsAsciiLetterLower(BucketNamePrefix[0]) || char.IsAsciiDigit(BucketNamePrefix[0]))
        && BucketNamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && ObjectCount is >= 1 and <= 1000
        && ObjectSizeBytes is >= 0 and <= 64 * 1024 * 1024
        && ListPageSize is >= 1 and <= 1000;
}
