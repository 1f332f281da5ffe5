using System.Net.Http.Headers;
using System.Text;

namespace S3Client.WireLogging.Internal;

/// <summary>
/// What the HTTP wire log may show, by allow-list: header values of the listed headers appear as they are, the
/// signature part of <c>Authorization</c> and every other value are replaced by <c>[redacted]</c>, and URLs lose their
/// presigned signature, credential and session token. Object keys (in the path, listing parameters and the copy
/// source) appear only when the client's <c>Diagnostics:IncludeObjectKeys</c> allows.
/// </summary>
internal static class WireRedaction
{
    public const string Redacted = "[redacted]";
    public const string KeyHidden = "[key hidden]";

    private static readonly HashSet<string> Shown = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "date", "x-amz-date", "x-amz-content-sha256", "content-type", "content-length", "content-md5", "content-range",
        "content-encoding", "content-disposition", "content-language", "cache-control", "expires", "range", "if-match",
        "if-none-match", "if-modified-since", "if-unmodified-since", "etag", "last-modified", "server", "accept-ranges",
        "connection", "transfer-encoding", "expect", "user-agent", "retry-after", "x-amz-request-id", "x-amz-id-2",
        "x-amz-version-id", "x-amz-delete-marker", "x-amz-storage-class", "x-amz-server-side-encryption",
        "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-server-side-encryption-customer-algorithm",
        "x-amz-server-side-encryption-customer-key-md5", "x-amz-copy-source-server-side-encryption-customer-algorithm",
        "x-amz-copy-source-server-side-encryption-customer-key-md5", "x-amz-sdk-checksum-algorithm", "x-amz-checksum-algorithm",
        "x-amz-decoded-content-length", "x-amz-trailer", "x-amz-mp-parts-count", "x-amz-tagging-count", "x-amz-bucket-region",
        "x-amz-expiration", "x-amz-metadata-directive", "x-amz-tagging-directive", "x-amz-acl", "x-amz-copy-source-range",
        "x-amz-copy-source-if-match", "x-amz-copy-source-if-none-match", "x-amz-copy-source-if-modified-since",
        "x-amz-copy-source-if-unmodified-since", "x-amz-object-lock-mode", "x-amz-object-lock-retain-until-date",
    };

    // Values that carry an object key.
    private static readonly HashSet<string> KeyHeaders = new(StringComparer.OrdinalIgnoreCase) { "x-amz-copy-source", "location" };

    // Query parameters that authenticate a presigned URL, and those that carry (parts of) object keys.
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token",
    };

    private static readonly HashSet<string> KeyParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "prefix", "marker", "start-after", "key-marker", "continuation-token", "delimiter",
    };

    /// <summary>The value to log for a header.</summary>
    public static string HeaderValue(string name, string value, bool includeKeys)
    {
        if (name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
        {
            var signature = value.IndexOf("Signature=", StringComparison.Ordinal);
            return signature < 0 ? Redacted : string.Concat(value.AsSpan(0, signature + "Signature=".Length), Redacted);
        }

        if (name.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase) || Shown.Contains(name))
        {
            return value;
        }

        return KeyHeaders.Contains(name) ? (includeKeys ? value : KeyHidden) : Redacted;
    }

    /// <summary>Headers, one per line, indented: <c>name: value</c>.</summary>
    public static string Headers(HttpHeaders headers, HttpHeaders? contentHeaders, bool includeKeys)
    {
        var text = new StringBuilder();
        foreach (var group in contentHeaders is null ? [headers] : new[] { headers, contentHeaders })
        {
            foreach (var header in group.NonValidated)
            {
                foreach (var value in header.Value)
                {
                    text.Append("\n  ").Append(header.Key).Append(": ").Append(HeaderValue(header.Key, value, includeKeys));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The request URL with authentication parameters redacted and, when keys are hidden, the key removed.</summary>
    public static string Url(Uri uri, string? bucket, string? key, bool includeKeys)
    {
        var path = uri.AbsolutePath;
        if (!includeKeys && key is not null)
        {
            var bucketPrefix = bucket is null ? null : "/" + bucket + "/";
            path = bucketPrefix is not null && path.StartsWith(bucketPrefix, StringComparison.Ordinal)
                ? bucketPrefix + KeyHidden
                : "/" + KeyHidden;
        }

        var query = uri.Query.TrimStart('?');
        var text = new StringBuilder().Append(uri.Scheme).Append("://").Append(uri.Authority).Append(path);
        if (query.Length > 0)
        {
            var separator = '?';
            foreach (var pair in query.Split('&'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                text.Append(separator).Append(name);
                if (equals >= 0)
                {
                    text.Append('=').Append(
                        SecretParameters.Contains(name) ? Redacted
                        : !includeKeys && KeyParameters.Contains(name) ? KeyHidden
                        : pair[(equals + 1)..]);
                }

                separator = '&';
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A canonical request or string to sign, safe to log: signed secret headers (session token, SSE-C keys) redacted,
    /// and, when keys are hidden, the canonical URI, the listing parameters and the copy source too.
    /// </summary>
    public static string CanonicalLine(string line, int index, bool includeKeys)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && index > 2)
        {
            var name = line[..colon];
            if (name is "x-amz-security-token" or "x-amz-server-side-encryption-customer-key" or "x-amz-copy-source-server-side-encryption-customer-key")
            {
                return name + ":" + Redacted;
            }

            if (!includeKeys && KeyHeaders.Contains(name))
            {
                return name + ":" + KeyHidden;
            }
        }

        return !includeKeys && index is 1 or 2 ? KeyHidden : line;
    }
}
