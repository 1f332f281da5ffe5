using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>Chooses, canonicalises and sorts the headers that SigV4 signs.</summary>
internal static class CanonicalHeaders
{
    // Headers that hops, proxies or the socket handler may add or change after signing: never signed.
    private static readonly HashSet<string> Unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "content-length", "user-agent", "expect", "connection", "keep-alive", "transfer-encoding",
        "te", "upgrade", "proxy-authorization", "proxy-connection", "x-amzn-trace-id", "traceparent", "tracestate",
        "baggage", "request-id", "correlation-context",
    };

    /// <summary>Collects the signable headers of <paramref name="request"/> plus <c>host</c>, sorted by name.</summary>
    public static List<CanonicalHeader> Collect(HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri.");
        var headers = new List<CanonicalHeader>(8)
        {
            new("host", request.Headers.Host ?? HostHeader(uri)),
        };

        foreach (var header in request.Headers.NonValidated)
        {
            Add(headers, header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                Add(headers, header.Key, header.Value);
            }
        }

        headers.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return headers;
    }

    /// <summary>The <c>Host</c> header value HttpClient sends for <paramref name="uri"/>.</summary>
    public static string HostHeader(Uri uri) => uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";

    /// <summary>Joins the names: <c>host;x-amz-content-sha256;x-amz-date</c>.</summary>
    public static string SignedHeaderNames(List<CanonicalHeader> sorted)
    {
        var builder = new StringBuilder(sorted.Count * 16);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(';');
            }

            builder.Append(sorted[i].Name);
        }

        return builder.ToString();
    }

    /// <summary>Trims the value and collapses inner runs of whitespace into one space.</summary>
    public static string CanonicalValue(string value)
    {
        var span = value.AsSpan().Trim();
        var clean = true;
        for (var i = 0; i < span.Length; i++)
        {
            if (IsWhitespace(span[i]) && (span[i] != ' ' || (i + 1 < span.Length && IsWhitespace(span[i + 1]))))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return span.Length == value.Length ? value : span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        var previousWasSpace = false;
        foreach (var c in span)
        {
            if (IsWhitespace(c))
            {
                if (!previousWasSpace)
                {
                    builder.Append(' ');
                }

                previousWasSpace = true;
            }
            else
            {
                builder.Append(c);
                previousWasSpace = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Adds a header by name; several values for one name are joined with commas, as HTTP allows.</summary>
    public static void Add(List<CanonicalHeader> headers, string name, IEnumerable<string> values)
    {
        if (Unsigned.Contains(name) || name.Equals("host", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        string? joined = null;
        foreach (var value in values)
        {
            var canonical = CanonicalValue(value);
            joined = joined is null ? canonical : string.Concat(joined, ",", canonical);
        }

        var lowerName = LowerAscii(name);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Name == lowerName)
            {
                headers[i] = headers[i] with { Value = string.Concat(headers[i].Value, ",", joined ?? string.Empty) };
                return;
            }
        }

        headers.Add(new CanonicalHeader(lowerName, joined ?? string.Empty));
    }

    private static void Add(List<CanonicalHeader> headers, string name, System.Net.Http.Headers.HeaderStringValues values) =>
        Add(headers, name, (IEnumerable<string>)values);

    private static string LowerAscii(string name)
    {
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return string.Create(name.Length, name, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = char.ToLowerInvariant(source[i]);
                    }
                });
            }
        }

        return name;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
