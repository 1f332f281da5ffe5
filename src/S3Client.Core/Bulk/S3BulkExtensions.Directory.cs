using S3Client.Bulk.Internal;

namespace S3Client;

/// <content>Directory transfers and syncs.</content>
public static partial class S3BulkExtensions
{
    /// <summary>
    /// Uploads the files of a directory tree: each file's path relative to <paramref name="directory"/>, with <c>/</c>
    /// separators on every system, follows <paramref name="prefix"/> as its key. Hidden files, links, globs and Unicode
    /// normalisation as <paramref name="options"/> say; each object records the file's modification time
    /// (<c>s3client-mtime</c> metadata) for later syncs.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="directory">The local directory.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix; a <c>/</c> is added when missing; empty for the top of the bucket.</param>
    /// <param name="options">Filters, overwrite policy (default <see cref="S3OverwritePolicy.Always"/>), concurrency, retries, progress.</param>
    /// <param name="cancellationToken">Stops starting files and stops those in flight (multipart uploads are aborted); the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public static BulkOperation UploadDirectoryAsync(
        this IS3Client client, string directory, string bucket, string prefix, DirectoryTransferOptions? options = null, CancellationToken cancellationToken = default) =>
        DirectoryUp(client, directory, bucket, prefix, options, S3OverwritePolicy.Always, cancellationToken);

    /// <summary>
    /// Downloads the objects under <paramref name="prefix"/> into a directory, each to its key's path after the prefix.
    /// A key that would land outside the directory (<c>..</c>, absolute or drive-rooted paths, NUL, names the system
    /// forbids) or pass through a symbolic link is a failure of that item, and nothing is written outside; folder
    /// markers (keys ending in <c>/</c>) become directories; two keys naming one file on a case-insensitive file
    /// system are reported; files appear only complete, with the object's LastModified as their time.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix; a <c>/</c> is added when missing; empty for the whole bucket.</param>
    /// <param name="directory">The local directory; created when missing.</param>
    /// <param name="options">Filters, overwrite policy for existing files (default <see cref="S3OverwritePolicy.Always"/>), concurrency, retries, progress.</param>
    /// <param name="cancellationToken">Stops starting objects and stops those in flight (no partial file is left); the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    public static BulkOperation DownloadDirectoryAsync(
        this IS3Client client, string bucket, string prefix, string directory, DirectoryTransferOptions? options = null, CancellationToken cancellationToken = default) =>
        DirectoryDown(client, bucket, prefix, directory, options, S3OverwritePolicy.Always, cancellationToken);

    /// <summary>
    /// Makes the objects under <paramref name="prefix"/> match a directory: uploads what is missing or changed (size,
    /// then MD5 or modification time, see <see cref="S3OverwritePolicy.IfChanged"/>), and with
    /// <see cref="DirectoryTransferOptions.DeleteExtraneous"/> deletes objects the directory does not have.
    /// <see cref="DirectoryTransferOptions.DryRun"/> reports what would be done. A second sync transfers nothing.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="directory">The local directory (the source).</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix; a <c>/</c> is added when missing.</param>
    /// <param name="options">As for <see cref="UploadDirectoryAsync"/>; the overwrite policy defaults to <see cref="S3OverwritePolicy.IfChanged"/>.</param>
    /// <param name="cancellationToken">Stops the sync; the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public static BulkOperation SyncToBucketAsync(
        this IS3Client client, string directory, string bucket, string prefix, DirectoryTransferOptions? options = null, CancellationToken cancellationToken = default) =>
        DirectoryUp(client, directory, bucket, prefix, options, S3OverwritePolicy.IfChanged, cancellationToken);

    /// <summary>
    /// Makes a directory match the objects under <paramref name="prefix"/>: downloads what is missing or changed, and
    /// with <see cref="DirectoryTransferOptions.DeleteExtraneous"/> deletes local files the bucket does not have (never
    /// through a symbolic link). The safety rules of <see cref="DownloadDirectoryAsync"/> apply.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket (the source).</param>
    /// <param name="prefix">The key prefix; a <c>/</c> is added when missing.</param>
    /// <param name="directory">The local directory; created when missing.</param>
    /// <param name="options">As for <see cref="DownloadDirectoryAsync"/>; the overwrite policy defaults to <see cref="S3OverwritePolicy.IfChanged"/>.</param>
    /// <param name="cancellationToken">Stops the sync; the summary is still returned.</param>
    /// <returns>The operation; await it for the summary.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    public static BulkOperation SyncToDirectoryAsync(
        this IS3Client client, string bucket, string prefix, string directory, DirectoryTransferOptions? options = null, CancellationToken cancellationToken = default) =>
        DirectoryDown(client, bucket, prefix, directory, options, S3OverwritePolicy.IfChanged, cancellationToken);

    private static BulkOperation DirectoryUp(
        IS3Client client, string directory, string bucket, string prefix, DirectoryTransferOptions? options, S3OverwritePolicy policy, CancellationToken cancellationToken)
    {
        var (root, checkedOptions, effective, keyPrefix, filter) = Prepare(client, directory, bucket, prefix, options, policy);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The directory to upload does not exist: '{root}'.");
        }

        var engine = new BulkEngine<DirectoryItem>(checkedOptions, new DirectoryUploadWork(client, bucket, checkedOptions, effective));
        var planner = new DirectoryPlanner(client, bucket, keyPrefix, checkedOptions, effective, filter);
        return new BulkOperation(
            (sink, ct) => engine.RunAsync(planner.PlanUploadAsync(new LocalTreeWalker(root, checkedOptions, filter, forUpload: true), ct), sink, ct), cancellationToken);
    }

    private static BulkOperation DirectoryDown(
        IS3Client client, string bucket, string prefix, string directory, DirectoryTransferOptions? options, S3OverwritePolicy policy, CancellationToken cancellationToken)
    {
        var (root, checkedOptions, effective, keyPrefix, filter) = Prepare(client, directory, bucket, prefix, options, policy);
        return new BulkOperation((sink, ct) =>
        {
            if (!checkedOptions.DryRun)
            {
                Directory.CreateDirectory(root);
            }

            // The probe needs the directory, so the work is made when the operation starts.
            var work = new DirectoryDownloadWork(client, bucket, root, checkedOptions, effective, PathCollisions.For(root, checkedOptions.CaseInsensitiveFileSystem));
            var planner = new DirectoryPlanner(client, bucket, keyPrefix, checkedOptions, effective, filter);
            return new BulkEngine<DirectoryItem>(checkedOptions, work).RunAsync(planner.PlanDownloadAsync(new LocalTreeWalker(root, checkedOptions, filter, forUpload: false), ct), sink, ct);
        }, cancellationToken);
    }

    /// <summary>Checks the arguments of a directory transfer; the full directory path, options, policy, prefix (with its '/') and filter.</summary>
    private static (string Root, DirectoryTransferOptions Options, S3OverwritePolicy Policy, string Prefix, GlobFilter Filter) Prepare(
        IS3Client client, string directory, string bucket, string prefix, DirectoryTransferOptions? options, S3OverwritePolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Check(client, bucket, prefix);
        options ??= new DirectoryTransferOptions();
        BulkOptionsValidator.Validate(options);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return (root, options, options.Overwrite ?? policy, WithSlash(prefix), new GlobFilter(options.Include, options.Exclude));
    }

    private static string WithSlash(string prefix) => prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/";
}
