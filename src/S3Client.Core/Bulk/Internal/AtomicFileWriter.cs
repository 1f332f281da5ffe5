using System.Security.Cryptography;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Writes a file so it appears only complete: into a temporary file beside it, created exclusively (so it is never an
/// existing file or a symbolic link planted there), then moved into place (a rename, which replaces a link at the
/// target instead of following it). A failed write deletes the temporary file.
/// </summary>
internal static class AtomicFileWriter
{
    /// <summary>The suffix of the temporary files, which directory walks leave out.</summary>
    public const string TemporarySuffix = ".s3tmp";

    /// <summary>Writes <paramref name="path"/>; false when <paramref name="overwrite"/> is false and it exists (nothing is changed then).</summary>
    public static async Task<bool> WriteAsync(
        string path, Func<Stream, CancellationToken, Task> write, DateTimeOffset? lastModified, bool overwrite, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        var name = Path.GetFileName(path);
        var temporary = Path.Combine(directory, $".{(name.Length > 100 ? name[..100] : name)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}{TemporarySuffix}");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (lastModified is { } time)
            {
                File.SetLastWriteTimeUtc(temporary, time.UtcDateTime);
            }

            if (!overwrite && Path.Exists(path))
            {
                return false;
            }

            File.Move(temporary, path, overwrite);
            return true;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    public static bool IsTemporary(string name) => name.StartsWith('.') && name.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is ignored by later walks.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
