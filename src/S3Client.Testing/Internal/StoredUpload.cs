namespace S3Client.Testing.Internal;

/// <summary>A multipart upload in progress: what the object will be stored with, and its parts so far.</summary>
internal sealed class StoredUpload(string key, string uploadId, DateTimeOffset initiated, StoredWriteSettings settings, IReadOnlyDictionary<string, string> tags)
{
    public string Key { get; } = key;

    public string UploadId { get; } = uploadId;

    public DateTimeOffset Initiated { get; } = initiated;

    public StoredWriteSettings Settings { get; } = settings;

    public IReadOnlyDictionary<string, string> Tags { get; } = tags;

    /// <summary>The parts by number; a part uploaded again replaces the earlier one.</summary>
    public SortedDictionary<int, StoredPart> Parts { get; } = [];

    public S3MultipartUploadInfo ToInfo() => new(Key, UploadId, Initiated);
}
