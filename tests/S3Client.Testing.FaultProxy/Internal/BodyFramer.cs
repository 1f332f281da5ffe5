namespace S3Client.FaultInjection.Internal;

/// <summary>Where a message body ends: no body, after Content-Length bytes, at the last chunk, or when the sender closes.</summary>
internal sealed class BodyFramer
{
    private readonly ChunkedBodyParser? _chunked;
    private long _remaining;

    private BodyFramer(long remaining, ChunkedBodyParser? chunked, bool endsAtClose)
    {
        _remaining = remaining;
        _chunked = chunked;
        EndsAtClose = endsAtClose;
    }

    /// <summary>The body is complete when its sender closes the connection (a response without a length).</summary>
    public bool EndsAtClose { get; }

    public bool IsComplete => _chunked?.IsComplete ?? (!EndsAtClose && _remaining == 0);

    public static BodyFramer Empty() => new(0, null, endsAtClose: false);

    public static BodyFramer ContentLength(long length) => new(length, null, endsAtClose: false);

    public static BodyFramer Chunked() => new(0, new ChunkedBodyParser(), endsAtClose: false);

    public static BodyFramer UntilClose() => new(0, null, endsAtClose: true);

    /// <summary>The framing of a request body: chunked, Content-Length or none.</summary>
    /// <exception cref="InvalidDataException">The framing headers are contradictory or invalid.</exception>
    /// <exception cref="NotSupportedException">A transfer coding other than chunked.</exception>
    public static BodyFramer ForRequest(HeaderList headers)
    {
        var transferEncoding = headers.Get("Transfer-Encoding");
        var contentLength = ParseContentLength(headers);
        if (transferEncoding is not null)
        {
            if (contentLength is not null)
            {
                throw new InvalidDataException("The request has both Transfer-Encoding and Content-Length.");
            }

            return string.Equals(transferEncoding.Trim(), "chunked", StringComparison.OrdinalIgnoreCase)
                ? Chunked()
                : throw new NotSupportedException($"Transfer-Encoding '{transferEncoding}' is not supported; only 'chunked' is.");
        }

        return contentLength is { } length ? ContentLength(length) : Empty();
    }

    /// <summary>The framing of a response body, which also depends on the request method and the status.</summary>
    public static BodyFramer ForResponse(string requestMethod, int statusCode, HeaderList headers)
    {
        if (string.Equals(requestMethod, "HEAD", StringComparison.OrdinalIgnoreCase) || statusCode is < 200 or 204 or 304)
        {
            return Empty();
        }

        var transferEncoding = headers.Get("Transfer-Encoding");
        if (transferEncoding is not null)
        {
            return transferEncoding.TrimEnd().EndsWith("chunked", StringComparison.OrdinalIgnoreCase) ? Chunked() : UntilClose();
        }

        return ParseContentLength(headers) is { } length ? ContentLength(length) : UntilClose();
    }

    /// <summary>Takes the bytes of <paramref name="input"/> that belong to the body and returns how many that is.</summary>
    public int Consume(ReadOnlySpan<byte> input, BodyDigest? payload)
    {
        if (_chunked is not null)
        {
            return _chunked.Consume(input, payload);
        }

        var take = EndsAtClose ? input.Length : (int)Math.Min(_remaining, input.Length);
        payload?.Append(input[..take]);
        _remaining -= EndsAtClose ? 0 : take;
        return take;
    }

    private static long? ParseContentLength(HeaderList headers)
    {
        var value = headers.Get("Content-Length");
        if (value is null)
        {
            return null;
        }

        // Repeated headers arrive joined by commas; they must all agree.
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (!long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || parts.Any(part => part != parts[0]))
        {
            throw new InvalidDataException($"Invalid Content-Length '{value}'.");
        }

        return length;
    }
}
