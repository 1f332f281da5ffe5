namespace S3Client;

/// <summary>The versioning state of a bucket.</summary>
public enum S3VersioningStatus
{
    /// <summary>Versioning was never enabled.</summary>
    Off = 0,

    /// <summary>Every write keeps the older versions.</summary>
    Enabled = 1,

    /// <summary>Versioning was enabled, then suspended: existing versions stay, new writes replace the null version.</summary>
    Suspended = 2,
}
