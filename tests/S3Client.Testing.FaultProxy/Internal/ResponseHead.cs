using System.Globalization;

namespace S3Client.FaultInjection.Internal;

/// <summary>The status line and header fields of a response from the target.</summary>
internal sealed record ResponseHead(string StartLine, int StatusCode, HeaderList Headers)
{
    /// <exception cref="InvalidDataException">The status line is malformed.</exception>
    public static ResponseHead Parse(string head)
    {
        var (startLine, headers) = HttpHeadText.Parse(head);
        var parts = startLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || parts[1].Length != 3)
        {
            throw new InvalidDataException($"Malformed status line '{startLine}'.");
        }

        return new ResponseHead(startLine, status, headers);
    }
}
