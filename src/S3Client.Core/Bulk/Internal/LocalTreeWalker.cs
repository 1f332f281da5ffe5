using S3Client.Listing.Internal;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Walks a directory tree depth-first in S3 key order (UTF-8 byte order of the relative keys, a directory counting as
/// its name plus <c>/</c>), so it can be merged with a listing. Holds one directory's entries per level, never the
/// whole tree. Hidden entries, links and the filter are applied as the options say; an unreadable directory, a link
/// loop and two names that normalise to one key are yielded as errors.
/// </summary>
internal sealed class LocalTreeWalker
{
    private readonly string _root;
    private readonly DirectoryTransferOptions _options;
    private readonly GlobFilter _filter;
    private readonly bool _forUpload;

    public LocalTreeWalker(string root, DirectoryTransferOptions options, GlobFilter filter, bool forUpload)
    {
        _root = root;
        _options = options;
        _filter = filter;
        _forUpload = forUpload;
    }

    public IEnumerable<LocalFile> Walk() => Directory.Exists(_root) ? WalkDirectory(_root, "", [_root]) : [];

    private IEnumerable<LocalFile> WalkDirectory(string directory, string prefix, List<string> chain)
    {
        List<(string KeyPart, FileSystemInfo Info, bool IsDirectory)> entries;
        Exception? error = null;
        try
        {
            entries = Entries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entries = [];
            error = e;
        }

        if (error is not null)
        {
            yield return new LocalFile(prefix, directory, 0, default, error);
            yield break;
        }

        string? previous = null;
        foreach (var (keyPart, info, isDirectory) in entries)
        {
            var relative = prefix + keyPart;
            if (keyPart == previous)
            {
                yield return new LocalFile(relative, info.FullName, 0, default, new IOException($"Two names in '{directory}' become the same key '{relative}' after Unicode normalisation; neither is guessed."));
                continue;
            }

            previous = keyPart;
            if (!isDirectory)
            {
                if (_filter.Matches(relative))
                {
                    var file = (FileInfo)info;
                    yield return new LocalFile(relative, file.FullName, file.Length, file.LastWriteTimeUtc);
                }

                continue;
            }

            var target = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
            if (chain.Any(d => d == target || d.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                yield return new LocalFile(relative, info.FullName, 0, default, new IOException($"'{info.FullName}' links back to a directory above it; the loop is not followed."));
                continue;
            }

            chain.Add(target);
            foreach (var file in WalkDirectory(info.FullName, relative, chain))
            {
                yield return file;
            }

            chain.RemoveAt(chain.Count - 1);
        }
    }

    private List<(string KeyPart, FileSystemInfo Info, bool IsDirectory)> Entries(string directory)
    {
        var entries = new List<(string, FileSystemInfo, bool)>();
        var enumeration = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", enumeration))
        {
            if (!_options.IncludeHidden && (info.Name.StartsWith('.') || info.Attributes.HasFlag(FileAttributes.Hidden)))
            {
                continue;
            }

            if (!_forUpload && AtomicFileWriter.IsTemporary(info.Name))
            {
                continue;
            }

            var resolved = info;
            if (info.LinkTarget is not null)
            {
                // Uploads follow links only when asked; a download's target directory is never read (or pruned) through one.
                if (!_forUpload || !_options.FollowSymbolicLinks)
                {
                    continue;
                }

                resolved = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
                if (!resolved.Exists)
                {
                    continue;
                }
            }

            var isDirectory = resolved is DirectoryInfo || resolved.Attributes.HasFlag(FileAttributes.Directory);
            var name = _forUpload && _options.KeyNormalization is { } form ? info.Name.Normalize(form) : info.Name;
            entries.Add((isDirectory ? name + "/" : name, isDirectory ? new DirectoryInfo(info.FullName) : new FileInfo(info.FullName), isDirectory));
        }

        entries.Sort((a, b) => Utf8KeyComparer.Instance.Compare(a.Item1, b.Item1));
        return entries;
    }
}
