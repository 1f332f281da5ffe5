using System.IO.Hashing;
using System.Text;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Finds two keys of one directory download that name the same file on a case-insensitive file system (<c>A.txt</c>
/// and <c>a.txt</c>): the second is a failure instead of silently replacing the first. Keeps 16 bytes per file, and
/// only where the file system ignores case (a case-sensitive one stores both).
/// </summary>
internal sealed class PathCollisions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, ulong> _pathToKey = [];

    /// <summary>Null when <paramref name="root"/> is on a case-sensitive file system, where nothing can collide.</summary>
    public static PathCollisions? For(string root, bool? caseInsensitive) => caseInsensitive ?? IsCaseInsensitive(root) ? new PathCollisions() : null;

    /// <exception cref="IOException">Another key of this download maps to the same file.</exception>
    public void Claim(string key, string path)
    {
        var pathHash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(path.Normalize(NormalizationForm.FormC).ToUpperInvariant()));
        var keyHash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key));
        lock (_lock)
        {
            if (_pathToKey.TryGetValue(pathHash, out var owner) && owner != keyHash)
            {
                throw new IOException($"Another key of this download names the same file on this case-insensitive file system: '{path}'. Neither is guessed; this one is not written.");
            }

            _pathToKey[pathHash] = keyHash;
        }
    }

    private static bool IsCaseInsensitive(string root)
    {
        if (!Directory.Exists(root))
        {
            return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        }

        var probe = Path.Combine(root, $".s3probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            return File.Exists(Path.Combine(root, Path.GetFileName(probe).ToUpperInvariant()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
