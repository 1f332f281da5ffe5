namespace S3Client.Testing.Internal;

/// <summary>One version of a key: its bytes and settings, or a delete marker. The bytes are never changed once stored.</summary>
internal sealed class StoredObject
{
    /// <summary>The version id of objects written while versioning was off or suspended.</summary>
    public const string NullVersionId = "null";

    public required string Key { get; init; }

    public required string VersionId { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public bool IsDeleteMarker { get; init; }

    public byte[] Content { get; init; } = [];

    /// <summary>The quoted entity tag; empty for delete markers.</summary>
    public string ETag { get; init; } = string.Empty;

    public StoredWriteSettings Settings { get; init; } = StoredWriteSettings.Default;

    /// <summary>The tags, replaced as a whole (under the store's lock) by PutObjectTagging.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; set; } = TagSets.Empty;

    /// <summary>The description HEAD and GET return; <paramref name="versioned"/> says whether the bucket reports version ids.</summary>
    public ObjectMetadata ToMetadata(bool versioned, long contentLength) => new()
    {
        ContentLength = contentLength,
        ContentType = Settings.ContentType,
        ETag = ETag,
        LastModified = LastModified,
        VersionId = versioned ? VersionId : null,
        Metadata = Settings.Metadata,
        CacheControl = Settings.CacheControl,
        ContentDisposition = Settings.ContentDisposition,
        ContentEncoding = Settings.ContentEncoding,
        // S3 sends no x-amz-storage-class header for STANDARD.
        StorageClass = Settings.StorageClass is null or "STANDARD" ? null : Settings.StorageClass,
    };

    public S3ObjectInfo ToListing() => new(Key, Content.Length, ETag, LastModified, Settings.StorageClass ?? "STANDARD");
}
