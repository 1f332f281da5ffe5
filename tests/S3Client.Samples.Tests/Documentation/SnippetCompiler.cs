using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace S3Client.Samples.Tests.Documentation;

/// <summary>
/// Compiles a documentation block as the <c>Program.cs</c> of an ASP.NET Core app (top-level statements, then types),
/// with the implicit usings of <c>Microsoft.NET.Sdk.Web</c> and the S3Client, ASP.NET Core, test and OpenTelemetry
/// assemblies referenced. The block's own <c>using</c> directives are moved to the top. Nothing else is added, except
/// what the block declares it is given, in a comment line (the README's Development section describes it):
/// <code>// given: IS3Client s3; string bucket; IProgress&lt;TransferProgress&gt; progress</code>
/// declares those variables (resolved with the block's usings) before its statements.
/// </summary>
public static partial class SnippetCompiler
{
    private const string GivenPrefix = "// given:";

    // The implicit global usings of an ASP.NET Core project (Microsoft.NET.Sdk.Web).
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>The compiler errors of the block (empty when it compiles), each with its line in the Markdown file.</summary>
    public static IReadOnlyList<string> Errors(CodeBlock block)
    {
        var (source, lineMap) = Scaffold(block);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: block.File);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{block.File}:{lineMap(d.Location.GetLineSpan().StartLinePosition.Line)}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    /// <summary>The source compiled for a block, and a map from its lines to the lines of the Markdown file.</summary>
    public static (string Source, Func<int, string> LineMap) Scaffold(CodeBlock block)
    {
        var lines = block.Code.Split('\n');
        var usings = new List<(string Text, int Index)>();
        var given = new List<string>();
        var body = new List<(string Text, int Index)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(GivenPrefix, StringComparison.Ordinal))
            {
                given.AddRange(line[GivenPrefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (UsingDirective().IsMatch(line))
            {
                usings.Add((line, i));
            }
            else
            {
                body.Add((line, i));
            }
        }

        var source = new StringBuilder();
        var origin = new List<int>();   // line of the generated source -> index in the block, -1 for scaffolding
        void Add(string text, int index)
        {
            source.Append(text).Append('\n');
            origin.Add(index);
        }

        foreach (var ns in ImplicitUsings)
        {
            Add($"global using global::{ns};", -1);
        }

        usings.ForEach(u => Add(u.Text, u.Index));
        foreach (var declaration in given)
        {
            Add($"{declaration} = default!;", -1);
        }

        body.ForEach(b => Add(b.Text, b.Index));
        return (source.ToString(), generated =>
            generated < origin.Count && origin[generated] >= 0 ? (block.Line + origin[generated]).ToString(System.Globalization.CultureInfo.InvariantCulture) : "(scaffolding)");
    }

    private static List<MetadataReference> LoadReferences()
    {
        // The test host's own assemblies: the shared frameworks (.NET, ASP.NET Core) and everything in its folder.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
