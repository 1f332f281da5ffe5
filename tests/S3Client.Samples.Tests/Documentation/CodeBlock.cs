namespace S3Client.Samples.Tests.Documentation;

/// <summary>A fenced <c>```csharp</c> block of a Markdown file, and where it starts (for the failure message).</summary>
public sealed record CodeBlock(string File, int Line, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}
