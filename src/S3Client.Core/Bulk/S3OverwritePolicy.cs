namespace S3Client;

/// <summary>What a bulk upload, download or copy does when its target exists already.</summary>
public enum S3OverwritePolicy
{
    /// <summary>Replaces the target.</summary>
    Always,

    /// <summary>
    /// Replaces the target only if it differs: a different size, or, at equal size, a different MD5 (for objects stored
    /// in one request, whose entity tag is their MD5) or a different modification time (for objects stored in parts,
    /// read from the <c>s3client-mtime</c> metadata uploads here store, else from <c>LastModified</c>).
    /// </summary>
    IfChanged,

    /// <summary>
    /// Never replaces the target; the item is skipped. Uploads below the multipart threshold are create-only
    /// (<c>If-None-Match: *</c>), so a concurrent writer is never overwritten; larger uploads check first.
    /// </summary>
    Never,
}
