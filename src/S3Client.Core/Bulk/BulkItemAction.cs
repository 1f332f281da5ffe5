namespace S3Client;

/// <summary>What a bulk operation does (or, in a dry run, would do) with one item.</summary>
public enum BulkItemAction
{
    /// <summary>Nothing: the target is already up to date.</summary>
    None,

    /// <summary>Stores an object from a local file or stream.</summary>
    Upload,

    /// <summary>Writes an object into a local file or stream.</summary>
    Download,

    /// <summary>Copies an object inside the service.</summary>
    Copy,

    /// <summary>Deletes an object (or, when syncing into a directory, a local file).</summary>
    Delete,
}
