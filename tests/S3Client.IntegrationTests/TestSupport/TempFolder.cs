namespace S3Client.IntegrationTests.TestSupport;

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("s3client-test-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="size"/> pattern bytes to a new file and returns its path.</summary>
    public string File(string name, long size, ulong seed)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var file = System.IO.File.Create(path);
        new PatternStream(size, seed).CopyTo(file, 1024 * 1024);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
