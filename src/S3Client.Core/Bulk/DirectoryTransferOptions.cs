using System.Text;

namespace S3Client;

/// <summary>
/// How a directory is uploaded, downloaded or synced: which files take part, how paths become keys, and, for syncs,
/// dry runs and deleting what the source does not have.
/// </summary>
public sealed class DirectoryTransferOptions : BulkOptions
{
    /// <summary>
    /// Glob patterns of the files to include (all when empty), matched against the path relative to the directory with
    /// <c>/</c> separators: <c>*</c> matches within a segment, <c>**</c> across segments, <c>?</c> one character; a
    /// pattern without <c>/</c> matches the file name at any depth.
    /// </summary>
    public IList<string> Include { get; } = [];

    /// <summary>Glob patterns of the files to leave out (as <see cref="Include"/>); an exclusion wins over an inclusion.</summary>
    public IList<string> Exclude { get; } = [];

    /// <summary>Whether hidden files and directories (a name starting with <c>.</c>, or the hidden attribute) take part. Default true.</summary>
    public bool IncludeHidden { get; set; } = true;

    /// <summary>
    /// Whether an upload follows symbolic links to files and directories (a link loop is reported as a failure).
    /// Default false: links are left out. Downloads never write through a link.
    /// </summary>
    public bool FollowSymbolicLinks { get; set; }

    /// <summary>The Unicode normalization applied to keys made from file names. Default null: names are kept as they are.</summary>
    public NormalizationForm? KeyNormalization { get; set; }

    /// <summary>Only reports what would be done (items end <see cref="BulkItemStatus.Planned"/>); nothing is changed.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// Deletes what the destination has and the source does not: objects under the prefix for an upload, files in the
    /// directory for a download. Default false.
    /// </summary>
    public bool DeleteExtraneous { get; set; }

    /// <summary>Overrides the probe of whether the target file system ignores case (for tests on case-sensitive systems).</summary>
    internal bool? CaseInsensitiveFileSystem { get; set; }
}
