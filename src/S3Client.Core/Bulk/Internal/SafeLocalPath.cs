using System.Text;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Turns the key of a directory download into a path inside the target directory, or refuses it: a key that would
/// land outside (<c>..</c> or <c>.</c> segments, absolute or drive-rooted paths, backslashes), NUL, empty segments and
/// names the file system forbids are failures of that item; nothing is ever written outside the directory, nor
/// through a symbolic link inside it.
/// </summary>
internal static class SafeLocalPath
{
    private static readonly char[] ForbiddenInNames = Path.GetInvalidFileNameChars();

    /// <summary>The full path of <paramref name="relativeKey"/> (a key without its prefix) under <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException">The key cannot be a path inside the directory.</exception>
    public static string Resolve(string root, string relativeKey)
    {
        var path = relativeKey.EndsWith('/') ? relativeKey[..^1] : relativeKey;
        if (path.Length == 0)
        {
            throw Refused(relativeKey, "it names the directory itself");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused(relativeKey, "it contains NUL");
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            throw Refused(relativeKey, "it contains a backslash, a path separator on Windows");
        }

        if (path[0] == '/' || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            throw Refused(relativeKey, "it is an absolute or drive-rooted path");
        }

        foreach (var segment in path.Split('/'))
        {
            CheckSegment(relativeKey, segment);
        }

        var full = Path.GetFullPath(Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Refused(relativeKey, "it would land outside the target directory");
        }

        return full;
    }

    /// <summary>Creates the directories from <paramref name="root"/> down to <paramref name="directory"/>, refusing to pass through a symbolic link.</summary>
    /// <exception cref="IOException">A component is a symbolic link or a file.</exception>
    public static void CreateDirectories(string root, string directory)
    {
        var relative = Path.GetRelativePath(root, directory);
        if (relative == ".")
        {
            return;
        }

        var current = root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null)
            {
                throw new IOException($"'{current}' is a symbolic link; a download does not write through links.");
            }

            if (!info.Exists)
            {
                if (File.Exists(current))
                {
                    throw new IOException($"'{current}' is a file, so it cannot hold the directory another key needs.");
                }

                Directory.CreateDirectory(current);
                if (new DirectoryInfo(current).LinkTarget is not null)
                {
                    throw new IOException($"'{current}' became a symbolic link while it was created.");
                }
            }
        }
    }

    private static void CheckSegment(string key, string segment)
    {
        if (segment.Length == 0)
        {
            throw Refused(key, "it has an empty path segment ('//')");
        }

        if (segment is "." or "..")
        {
            throw Refused(key, $"it has a '{segment}' path segment");
        }

        if (segment.IndexOfAny(ForbiddenInNames) >= 0 || segment.Any(char.IsControl))
        {
            throw Refused(key, "a file name may not contain one of its characters here");
        }

        if (Encoding.UTF8.GetByteCount(segment) > 255)
        {
            throw Refused(key, "a path segment is longer than 255 bytes");
        }

        if (OperatingSystem.IsWindows() && (segment.EndsWith('.') || segment.EndsWith(' ') || segment.Contains(':', StringComparison.Ordinal) || IsReservedOnWindows(segment)))
        {
            throw Refused(key, "Windows forbids a segment of it as a file name");
        }
    }

    private static bool IsReservedOnWindows(string segment)
    {
        var stem = segment.Split('.')[0].ToUpperInvariant();
        return stem is "CON" or "PRN" or "AUX" or "NUL" or "CONIN$" or "CONOUT$"
            || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && char.IsAsciiDigit(stem[3]));
    }

    private static ArgumentException Refused(string key, string reason) =>
        new($"The key cannot be written into the directory: {reason}. Key (relative to the prefix): '{Printable(key)}'.");

    private static string Printable(string key) => key.Replace("\0", "\\0", StringComparison.Ordinal);
}
