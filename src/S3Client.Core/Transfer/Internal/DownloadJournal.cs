using System.Globalization;

namespace S3Client.Transfer.Internal;

/// <summary>
/// Remembers, next to a partial download (<c>{path}.s3partial</c>), which parts are written and verified, and of which
/// object version (entity tag, size, part size), so a resumed download skips them only when the object is unchanged.
/// A plain text file: a header line, then one part index per line, appended after each part is on disk.
/// </summary>
internal sealed class DownloadJournal : IDisposable
{
    private const string Header = "s3client-download-v1";
    private readonly StreamWriter _writer;

    private DownloadJournal(StreamWriter writer, HashSet<int> done)
    {
        _writer = writer;
        Done = done;
    }

    public HashSet<int> Done { get; }

    /// <summary>Opens the journal for this object version, keeping earlier parts only if the version matches.</summary>
    public static DownloadJournal Open(string path, string? etag, long total, long partSize, bool resume)
    {
        var identity = string.Create(CultureInfo.InvariantCulture, $"{Header} {etag} {total} {partSize}");
        var done = new HashSet<int>();
        if (resume && TemporaryFiles.IsRegularFile(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length > 0 && lines[0] == identity)
            {
                foreach (var line in lines.Skip(1))
                {
                    if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        done.Add(index);
                    }
                }
            }
        }

        // Created anew and exclusively: a journal name planted as a link never leads the writes to another file.
        var writer = new StreamWriter(new FileStream(TemporaryFiles.CreateNew(path, FileAccess.Write), FileAccess.Write)) { AutoFlush = true };
        writer.WriteLine(identity);
        foreach (var index in done)
        {
            writer.WriteLine(index.ToString(CultureInfo.InvariantCulture));
        }

        return new DownloadJournal(writer, done);
    }

    public void MarkDone(int index)
    {
        lock (_writer)
        {
            _writer.WriteLine(index.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _writer.Dispose();
}
