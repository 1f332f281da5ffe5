using System.Text;

namespace S3Client.FaultInjection.Internal;

/// <summary>Splits a message head into its start line and header fields, and writes one back.</summary>
internal static class HttpHeadText
{
    /// <exception cref="InvalidDataException">A header line is malformed.</exception>
    public static (string StartLine, HeaderList Headers) Parse(string head)
    {
        var lines = head.Split("\r\n");
        var fields = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t' || line.AsSpan(0, colon).ContainsAny(' ', '\t'))
            {
                throw new InvalidDataException($"Malformed header line '{line}'.");
            }

            fields.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }

        return (lines[0], new HeaderList(fields));
    }

    /// <summary>The head as bytes, blank line included; characters are written byte for byte (Latin-1) as they were read.</summary>
    public static byte[] Format(string startLine, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder(512).Append(startLine).Append("\r\n");
        foreach (var header in headers)
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }
}
