using S3Client.FaultInjection.Internal;

namespace S3Client.FaultInjection;

/// <summary>The request line and header fields of a request the proxy received, as the client sent them.</summary>
public sealed class RequestHead
{
    private readonly HeaderList _headers;

    private RequestHead(string method, string pathAndQuery, string version, HeaderList headers)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Version = version;
        _headers = headers;
    }

    /// <summary>The method, such as <c>PUT</c>.</summary>
    public string Method { get; }

    /// <summary>The request target as sent, such as <c>/bucket/key?partNumber=2&amp;uploadId=abc</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>The part of <see cref="PathAndQuery"/> before any <c>?</c>.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The part of <see cref="PathAndQuery"/> after the <c>?</c>, without it; empty when there is none.</summary>
    public string Query => PathAndQuery.Split('?', 2) is [_, var query] ? query : "";

    /// <summary>The protocol version, such as <c>HTTP/1.1</c>.</summary>
    public string Version { get; }

    /// <summary>The header fields in the order they arrived, with their names as sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    internal HeaderList HeaderList => _headers;

    /// <summary>The value of the header <paramref name="name"/> (any case), repeated fields joined by ", "; <see langword="null"/> when absent.</summary>
    public string? GetHeader(string name) => _headers.Get(name);

    /// <summary>Whether the query has the parameter <paramref name="name"/>, such as <c>uploads</c> or <c>partNumber</c>.</summary>
    public bool HasQueryParameter(string name) =>
        Query.Split('&').Any(parameter => parameter.Split('=', 2)[0] == name);

    /// <summary>"METHOD path?query".</summary>
    public override string ToString() => $"{Method} {PathAndQuery}";

    /// <exception cref="InvalidDataException">The request line or a header line is malformed.</exception>
    internal static RequestHead Parse(string head)
    {
        var (startLine, headers) = HttpHeadText.Parse(head);
        var parts = startLine.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Malformed request line '{startLine}'.");
        }

        return new RequestHead(parts[0], parts[1], parts[2], headers);
    }
}
