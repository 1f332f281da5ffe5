using System.Globalization;
using System.Net.Http.Headers;

namespace S3Client.Model.Internal;

/// <summary>
/// Reads the response headers the client turns into values, refusing what does not parse: a lying header becomes an
/// <see cref="InvalidDataException"/>, never a plausible default (a length of 0, a date of null, two ETags joined).
/// </summary>
internal static class StrictHeaders
{
    private const int QuotedValueChars = 64;

    /// <summary>The one value of <paramref name="name"/>, or null when absent; a header sent twice is an error.</summary>
    public static string? Single(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values.ToString() : throw Invalid(name, values.ToString(), "it was sent more than once");
    }

    /// <summary>The <c>Content-Length</c>: null when absent (a chunked answer), an error when it is not a non-negative number.</summary>
    public static long? ContentLength(HttpResponseMessage response)
    {
        var raw = Single(response.Content.Headers, "Content-Length");
        if (raw is null)
        {
            // No header on the wire; content made in process (a custom handler, a test) may still know its own length.
            return response.Content.Headers.ContentLength;
        }

        return TryDigits(raw.AsSpan().Trim(' '), out var length) ? length : throw Invalid("Content-Length", raw, "it is not a byte count");
    }

    /// <summary>A non-negative decimal number of digits only: no sign, no inner spaces, no overflow.</summary>
    public static bool TryDigits(ReadOnlySpan<char> digits, out long number)
    {
        number = 0;
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>
    /// The <c>ETag</c> in its quoted form (<c>"abc"</c> or <c>W/"abc"</c>); a bare token is quoted as the XML results
    /// are. Null when absent; an error when sent twice or malformed (stray quotes, commas, spaces).
    /// </summary>
    public static string? ETag(HttpResponseHeaders headers)
    {
        var raw = Single(headers, "ETag");
        if (raw is null)
        {
            return null;
        }

        var value = raw.Trim(' ');
        var opaque = value.StartsWith("W/\"", StringComparison.Ordinal) ? value.AsSpan(2) : value.AsSpan();
        if (opaque is ['"', .. var inner, '"'] && !inner.Contains('"'))
        {
            return value;
        }

        return value.Length > 0 && value.AsSpan().IndexOfAny("\", \t") < 0 && !value.StartsWith("W/", StringComparison.Ordinal)
            ? string.Concat("\"", value, "\"")
            : throw Invalid("ETag", raw, "it is not an entity tag");
    }

    /// <summary>The <c>Last-Modified</c> date: null when absent, an error when it is not an HTTP date.</summary>
    public static DateTimeOffset? LastModified(HttpContentHeaders headers)
    {
        var raw = Single(headers, "Last-Modified");
        if (raw is null)
        {
            return null;
        }

        return headers.LastModified ?? throw Invalid("Last-Modified", raw, "it is not an HTTP date");
    }

    /// <summary>The error for a header that does not add up; quotes at most a short prefix of the value.</summary>
    public static InvalidDataException Invalid(string name, string value, string why)
    {
        var shown = value.Length <= QuotedValueChars ? value : string.Concat(value.AsSpan(0, QuotedValueChars), "...");
        return new InvalidDataException($"The answer's {name} header '{shown}' cannot be used: {why}.");
    }
}
