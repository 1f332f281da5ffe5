namespace S3Client.Samples.Tests.Documentation;

/// <summary>Every C# block of README.md, docs/*.md and samples/README.md compiles as a newcomer would paste it.</summary>
public class DocumentationSnippetTests
{
    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in MarkdownCodeBlocks.All())
        {
            data.Add(block.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Csharp_block_compiles(string location)
    {
        var block = MarkdownCodeBlocks.All().Single(b => b.ToString() == location);

        SnippetCompiler.Errors(block).Should().BeEmpty();
    }

    [Fact]
    public void The_readme_blocks_are_found()
    {
        MarkdownCodeBlocks.All().Count(b => b.File == "README.md").Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void A_block_without_the_S3Client_using_does_not_compile()
    {
        // The quick start as it once was: IS3Client without "using S3Client;".
        var block = new CodeBlock("example.md", 10, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddS3Client(builder.Configuration.GetSection("S3"));

            public sealed class Reports(IS3Client s3);
            """);

        SnippetCompiler.Errors(block).Should().ContainSingle().Which.Should().Be(
            "example.md:13: CS0246 The type or namespace name 'IS3Client' could not be found (are you missing a using directive or an assembly reference?)");
    }

    [Fact]
    public void Given_variables_are_declared_after_the_blocks_usings()
    {
        var block = new CodeBlock("example.md", 1, """
            // given: IS3Client s3; string bucket
            using S3Client;

            await s3.DeleteObjectAsync(bucket, "k");
            """);

        SnippetCompiler.Errors(block).Should().BeEmpty();
        SnippetCompiler.Errors(block with { Code = block.Code.Replace("// given: IS3Client s3; string bucket", "// given: IS3Client s3", StringComparison.Ordinal) })
            .Should().ContainSingle().Which.Should().Contain("CS0103 The name 'bucket' does not exist");
    }
}
