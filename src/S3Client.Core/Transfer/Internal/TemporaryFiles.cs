using Microsoft.Win32.SafeHandles;

namespace S3Client.Transfer.Internal;

/// <summary>
/// Creates and opens a download's temporary files (<c>{path}.s3partial</c> and its journal) without ever following a
/// link planted at their names: a link found there is removed (the link, not what it points to), new files are created
/// exclusively (<see cref="FileMode.CreateNew"/>, which fails on any existing name, link or not), and only a regular
/// file is resumed from or moved into place.
/// </summary>
internal static class TemporaryFiles
{
    /// <summary>Whether <paramref name="path"/> is an existing regular file, not a link (even to one) or a folder.</summary>
    public static bool IsRegularFile(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null && info.Exists && (info.Attributes & (FileAttributes.Directory | FileAttributes.Device)) == 0;
    }

    /// <summary>Creates <paramref name="path"/> anew, removing a file or link of that name first.</summary>
    /// <exception cref="IOException">Something was created at that name meanwhile, or a folder is there.</exception>
    public static SafeFileHandle CreateNew(string path, FileAccess access, FileOptions options = FileOptions.None)
    {
        RemoveFileOrLink(path);
        return File.OpenHandle(path, FileMode.CreateNew, access, FileShare.None, options);
    }

    /// <summary>Opens an existing regular file to continue it; never opens through a link.</summary>
    /// <exception cref="IOException"><paramref name="path"/> is not a regular file.</exception>
    public static SafeFileHandle OpenExisting(string path, FileAccess access, FileOptions options = FileOptions.None)
    {
        ThrowIfNotRegularFile(path);
        return File.OpenHandle(path, FileMode.Open, access, FileShare.None, options);
    }

    /// <exception cref="IOException"><paramref name="path"/> is not (or no longer) a regular file.</exception>
    public static void ThrowIfNotRegularFile(string path)
    {
        if (!IsRegularFile(path))
        {
            throw new IOException($"'{path}' is not a regular file (a link or something else was put in its place); the download refuses to use it.");
        }
    }

    private static void RemoveFileOrLink(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists)
        {
            // Deletes the link itself; what it points to is never touched.
            File.Delete(path);
        }
    }
}
