using System.Text;
using System.Text.RegularExpressions;

namespace S3Client.Bulk.Internal;

/// <summary>
/// The include and exclude globs of a directory transfer, matched against paths relative to the directory with
/// <c>/</c> separators: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c> one character; a pattern
/// without <c>/</c> matches the last segment (the file name) at any depth.
/// </summary>
internal sealed class GlobFilter
{
    private readonly Pattern[] _include;
    private readonly Pattern[] _exclude;

    public GlobFilter(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        _include = include.Select(Compile).ToArray();
        _exclude = exclude.Select(Compile).ToArray();
    }

    public bool IsEmpty => _include.Length == 0 && _exclude.Length == 0;

    public bool Matches(string relativePath) =>
        (_include.Length == 0 || _include.Any(p => p.IsMatch(relativePath))) && !_exclude.Any(p => p.IsMatch(relativePath));

    private static Pattern Compile(string glob)
    {
        if (string.IsNullOrEmpty(glob))
        {
            throw new ArgumentException("A glob pattern must not be empty.", nameof(glob));
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        regex.Append('$');
        return new Pattern(new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), !glob.Contains('/', StringComparison.Ordinal));
    }

    private sealed record Pattern(Regex Regex, bool NameOnly)
    {
        public bool IsMatch(string relativePath) =>
            Regex.IsMatch(NameOnly ? relativePath[(relativePath.LastIndexOf('/') + 1)..] : relativePath);
    }
}
