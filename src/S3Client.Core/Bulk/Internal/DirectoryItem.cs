namespace S3Client.Bulk.Internal;

/// <summary>One step of a directory transfer or sync, as the planner found it.</summary>
/// <param name="Action">Upload, download or delete; <see cref="BulkItemAction.None"/> for a target that exists and must stay.</param>
/// <param name="Key">The full object key.</param>
/// <param name="RelativeKey">The key without the prefix.</param>
/// <param name="Local">The local file, when there is one.</param>
/// <param name="Remote">The object, when the listing had it.</param>
/// <param name="CompareFirst">Whether to compare the two and skip an unchanged item.</param>
internal sealed record DirectoryItem(BulkItemAction Action, string Key, string RelativeKey, LocalFile? Local, S3ObjectInfo? Remote, bool CompareFirst);
