using System.Collections.Frozen;
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

    // Lower-case forms of the header names HttpClient reports in its own casing, so signing does not allocate them for
    // every request. Read-only: names not listed are lowered each time.
    private static readonly FrozenDictionary<string, string> Lowered = new[]
    {
        "Range", "Content-Type", "Content-MD5", "Content-Encoding", "Content-Language", "Content-Disposition", "Cache-Control",
        "Expires", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "Accept", "Date",
    }.ToFrozenDictionary(name => name, name => name.ToLowerInvariant(), StringComparer.Ordinal);

    private static readonly Comparison<CanonicalHeader> ByName = static (a, b) => string.CompareOrdinal(a.Name, b.Name);

    /// <summary>
    /// Collects the signable headers of <paramref name="request"/> plus <c>host</c>, sorted by name.
    /// </summary>
    public static List<CanonicalHeader> Collect(HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri.");
        var headers = new List<CanonicalHeader>(8);
        headers.Add(new("host", request.Headers.Host ?? HostHeader(uri)));

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

        headers.Sort(ByName);
        return headers;
    }

    /// <summary>The <c>Host</c> header value HttpClient sends for <paramref name="uri"/>.</summary>
    public static string HostHeader(Uri uri)
    {
        var host = uri.IdnHost;
        return uri.IsDefaultPort ? host : string.Concat(host, ":", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the names joined by <c>;</c>: <c>host;x-amz-content-sha256;x-amz-date</c>.</summary>
    public static void WriteSignedHeaderNames(ref PooledCharBuffer buffer, List<CanonicalHeader> sorted)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                buffer.Append(';');
            }

            buffer.Append(sorted[i].Name);
        }
    }

    /// <summary>Joins the names: <c>host;x-amz-content-sha256;x-amz-date</c>.</summary>
    public static string SignedHeaderNames(List<CanonicalHeader> sorted)
    {
        var buffer = new PooledCharBuffer(128);
        try
        {
            WriteSignedHeaderNames(ref buffer, sorted);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
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

    private static void Add(List<CanonicalHeader> headers, string name, System.Net.Http.Headers.HeaderStringValues values)
    {
        if (values.Count == 1 && !Unsigned.Contains(name) && !name.Equals("host", StringComparison.OrdinalIgnoreCase))
        {
            // The common case: one value, added without boxing the values or joining them.
            AddValue(headers, LowerAscii(name), CanonicalValue(values.ToString()));
            return;
        }

        Add(headers, name, (IEnumerable<string>)values);
    }

    private static void AddValue(List<CanonicalHeader> headers, string lowerName, string value)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Name == lowerName)
            {
                headers[i] = headers[i] with { Value = string.Concat(headers[i].Value, ",", value) };
                return;
            }
        }

        headers.Add(new CanonicalHeader(lowerName, value));
    }

    private static string LowerAscii(string name)
    {
        if (!name.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            return name;
        }

        return Lowered.TryGetValue(name, out var lowered)
            ? lowered
            : string.Create(name.Length, name, static (span, source) => source.AsSpan().ToLowerInvariant(span));
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
