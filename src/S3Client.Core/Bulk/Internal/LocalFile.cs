namespace S3Client.Bulk.Internal;

/// <summary>A file found by a directory walk.</summary>
/// <param name="RelativeKey">Its path relative to the walked directory with <c>/</c> separators (normalised as asked): the key without the prefix.</param>
/// <param name="FullPath">Its full path.</param>
/// <param name="Length">Its size.</param>
/// <param name="LastWriteUtc">When it was last written.</param>
/// <param name="Error">Why the file or directory could not be read (then it takes no part but is reported).</param>
internal sealed record LocalFile(string RelativeKey, string FullPath, long Length, DateTime LastWriteUtc, Exception? Error = null);
