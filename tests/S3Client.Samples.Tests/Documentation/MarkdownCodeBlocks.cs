namespace S3Client.Samples.Tests.Documentation;

/// <summary>Finds the C# blocks of the repository's Markdown documentation: README.md, docs/*.md, samples/README.md.</summary>
public static class MarkdownCodeBlocks
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyList<CodeBlock> All()
    {
        var files = new List<string> { "README.md", Path.Combine("samples", "README.md") };
        files.AddRange(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md")
            .Select(f => Path.GetRelativePath(RepositoryRoot, f))
            .Order(StringComparer.Ordinal));
        return [.. files.SelectMany(f => Extract(f, File.ReadAllText(Path.Combine(RepositoryRoot, f))))];
    }

    /// <summary>The <c>```csharp</c> (or <c>```cs</c>) blocks of one Markdown text, in order.</summary>
    public static IEnumerable<CodeBlock> Extract(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].Trim();
            if (fence is not ("```csharp" or "```cs" or "```c#"))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            yield return new CodeBlock(file, start + 1, string.Join('\n', lines[start..end]));
            i = end;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "S3Client.sln")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No S3Client.sln above {AppContext.BaseDirectory}.");
    }
}
