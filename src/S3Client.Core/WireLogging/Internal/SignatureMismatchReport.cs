using System.Globalization;
using System.Text;

namespace S3Client.WireLogging.Internal;

/// <summary>
/// Sets our canonical request and string to sign beside the service's, line by line, and points at the first line that
/// differs: the usual causes are a header a proxy changed, a path or query encoded differently, or (when both are the
/// same) a wrong secret key or region. Secret header values and, when hidden, object keys are redacted.
/// </summary>
internal static class SignatureMismatchReport
{
    private static readonly string[] CanonicalRequestLines = ["method", "canonical URI", "canonical query"];

    public static string Create(CanonicalRequestTrace? ours, SignatureMismatchBody theirs, bool includeKeys)
    {
        var text = new StringBuilder();
        if (ours is null)
        {
            text.Append("The request was not signed with an Authorization header, so there is no canonical request of ours to show.");
        }
        else
        {
            Section(text, "Our canonical request", ours.CanonicalRequest, includeKeys);
            Section(text, "Our string to sign", ours.StringToSign, includeKeys);
        }

        if (theirs.CanonicalRequest is null)
        {
            text.Append("\nThe service sent no canonical request in its error body (AWS does; many S3-compatible services do not). ")
                .Append("Compare ours with the service's logs, and check the secret key, the region in the scope and the path and host the service sees.");
            if (theirs.StringToSign is not null)
            {
                Section(text, "The service's string to sign", theirs.StringToSign, includeKeys);
                text.Append('\n').Append(Difference("string to sign", ours?.StringToSign, theirs.StringToSign, includeKeys, null));
            }

            return text.ToString();
        }

        Section(text, "The service's canonical request", theirs.CanonicalRequest, includeKeys);
        if (theirs.StringToSign is not null)
        {
            Section(text, "The service's string to sign", theirs.StringToSign, includeKeys);
        }

        text.Append('\n').Append(Difference("canonical request", ours?.CanonicalRequest, theirs.CanonicalRequest, includeKeys, CanonicalRequestLines));
        return text.ToString();
    }

    /// <summary>The first line (1-based) where the texts differ, or 0 when they are the same.</summary>
    public static int FirstDifferingLine(string ours, string theirs)
    {
        var a = Lines(ours);
        var b = Lines(theirs);
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length || !string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string Difference(string what, string? ours, string theirs, bool includeKeys, string[]? lineNames)
    {
        if (ours is null)
        {
            return string.Empty;
        }

        var line = FirstDifferingLine(ours, theirs);
        if (line == 0)
        {
            return $"Ours and the service's {what} are the same: the signature differs because of the key, so check the secret access key " +
                "(and that the access key id belongs to it) and the region in the credential scope.";
        }

        var a = Lines(ours);
        var b = Lines(theirs);
        var name = lineNames is not null && line <= lineNames.Length ? $" ({lineNames[line - 1]})" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"First difference in the {what}: line {line}{name}: ours '{Shown(a, line, includeKeys)}', the service's '{Shown(b, line, includeKeys)}'.");
    }

    private static string Shown(string[] lines, int line, bool includeKeys) =>
        line <= lines.Length ? WireRedaction.CanonicalLine(lines[line - 1], line - 1, includeKeys) : "(no such line)";

    private static void Section(StringBuilder text, string title, string value, bool includeKeys)
    {
        text.Append('\n').Append(title).Append(':');
        var lines = Lines(value);
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append("\n  ").Append(WireRedaction.CanonicalLine(lines[i], i, includeKeys));
        }
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
