using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>
/// AWS Signature Version 4 for S3: header signing and presigned URLs. Paths are used as sent (encoded once, never
/// normalised); the query is canonicalised; time is passed in by the caller.
/// </summary>
internal sealed class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public const string DateHeader = "x-amz-date";
    public const string ContentSha256Header = "x-amz-content-sha256";
    public const string SecurityTokenHeader = "x-amz-security-token";
    public const int MaxPresignExpirySeconds = 604800;

    private readonly SigningKeyCache _keys;

    public SigV4Signer(string region, string service = "s3")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Region = region;
        Service = service;
        _keys = new SigningKeyCache(region, service);
    }

    public string Region { get; }

    public string Service { get; }

    /// <summary>
    /// Signs <paramref name="request"/> in place: sets <c>x-amz-date</c>, <c>x-amz-content-sha256</c>, the session
    /// token and <c>Authorization</c>, replacing any values from an earlier attempt.
    /// </summary>
    public void Sign(HttpRequestMessage request, S3Credentials credentials, DateTimeOffset time, string payloadHash)
    {
        var headers = request.Headers;
        headers.Authorization = null;
        headers.Remove(DateHeader);
        headers.Remove(ContentSha256Header);
        headers.Remove(SecurityTokenHeader);

        Span<char> amzDate = stackalloc char[16];
        FormatAmzDate(time, amzDate);
        headers.TryAddWithoutValidation(DateHeader, amzDate.ToString());
        headers.TryAddWithoutValidation(ContentSha256Header, payloadHash);
        if (credentials.SessionToken is not null)
        {
            headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.SessionToken);
        }

        var canonicalHeaders = CanonicalHeaders.Collect(request);
        var signedHeaders = new PooledCharBuffer(128);
        try
        {
            CanonicalHeaders.WriteSignedHeaderNames(ref signedHeaders, canonicalHeaders);
            var (path, query) = SplitPathAndQuery(request.RequestUri!);
            Span<char> signature = stackalloc char[64];
            ComputeSignature(request.Method.Method, path, CanonicalQuery.Build(query), canonicalHeaders, signedHeaders.Written,
                payloadHash, credentials, amzDate, signature);

            headers.TryAddWithoutValidation("Authorization", BuildAuthorization(credentials.AccessKeyId, amzDate, signedHeaders.Written, signature));
        }
        finally
        {
            signedHeaders.Dispose();
        }
    }

    /// <summary>
    /// Returns <paramref name="uri"/> with query authentication added (<c>X-Amz-*</c> parameters and
    /// <c>X-Amz-Signature</c>). Only <c>host</c> and <paramref name="signedHeaders"/> are signed; the payload is
    /// <c>UNSIGNED-PAYLOAD</c> unless <paramref name="payloadHash"/> says otherwise.
    /// </summary>
    public Uri Presign(
        string method,
        Uri uri,
        S3Credentials credentials,
        DateTimeOffset time,
        TimeSpan expires,
        IReadOnlyList<KeyValuePair<string, string>>? signedHeaders = null,
        string payloadHash = UnsignedPayload)
    {
        var seconds = (long)expires.TotalSeconds;
        if (seconds < 1 || seconds > MaxPresignExpirySeconds || expires.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expires), expires,
                "A presigned URL must expire after a whole number of seconds from 1 second to 7 days (604800 seconds).");
        }

        Span<char> amzDate = stackalloc char[16];
        FormatAmzDate(time, amzDate);
        var headers = new List<CanonicalHeader>(4) { new("host", CanonicalHeaders.HostHeader(uri)) };
        if (signedHeaders is not null)
        {
            foreach (var header in signedHeaders)
            {
                CanonicalHeaders.Add(headers, header.Key, [header.Value]);
            }
        }

        headers.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var signedHeaderNames = CanonicalHeaders.SignedHeaderNames(headers);
        var authParameters = new List<KeyValuePair<string, string>>(6)
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", string.Concat(credentials.AccessKeyId, "/", Scope(amzDate))),
            new("X-Amz-Date", amzDate.ToString()),
            new("X-Amz-Expires", seconds.ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", signedHeaderNames),
        };
        if (credentials.SessionToken is not null)
        {
            authParameters.Add(new("X-Amz-Security-Token", credentials.SessionToken));
        }

        var (path, query) = SplitPathAndQuery(uri);
        var canonicalQuery = CanonicalQuery.Build(query, authParameters);
        Span<char> signature = stackalloc char[64];
        ComputeSignature(method, path, canonicalQuery, headers, signedHeaderNames, payloadHash, credentials, amzDate, signature);

        var builder = new StringBuilder(uri.Scheme.Length + uri.Authority.Length + path.Length + canonicalQuery.Length + 100);
        builder.Append(uri.Scheme).Append("://").Append(uri.Authority).Append(path).Append('?').Append(canonicalQuery)
            .Append("&X-Amz-Signature=").Append(signature);
        return new Uri(builder.ToString(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>Writes the canonical request; exposed for known-answer tests and debugging.</summary>
    public static string BuildCanonicalRequest(
        string method, ReadOnlySpan<char> canonicalUri, string canonicalQuery, List<CanonicalHeader> headers,
        ReadOnlySpan<char> signedHeaders, string payloadHash)
    {
        var buffer = new PooledCharBuffer(512);
        try
        {
            WriteCanonicalRequest(ref buffer, method, canonicalUri, canonicalQuery, headers, signedHeaders, payloadHash);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Builds the string to sign; exposed for known-answer tests and debugging.</summary>
    public string BuildStringToSign(ReadOnlySpan<char> amzDate, string canonicalRequest)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        return string.Concat(Algorithm, "\n", amzDate.ToString(), "\n", Scope(amzDate), "\n", hash);
    }

    /// <summary>Computes the hex signature (64 chars) of a canonical request described by its parts.</summary>
    public void ComputeSignature(
        string method, ReadOnlySpan<char> canonicalUri, string canonicalQuery, List<CanonicalHeader> headers,
        ReadOnlySpan<char> signedHeaders, string payloadHash, S3Credentials credentials, ReadOnlySpan<char> amzDate, Span<char> signature)
    {
        Span<char> canonicalHash = stackalloc char[64];
        var buffer = new PooledCharBuffer(512);
        try
        {
            WriteCanonicalRequest(ref buffer, method, canonicalUri, canonicalQuery, headers, signedHeaders, payloadHash);
            buffer.Sha256Hex(canonicalHash);

            buffer.Dispose();
            buffer = new PooledCharBuffer(256);
            buffer.Append(Algorithm);
            buffer.Append('\n');
            buffer.Append(amzDate);
            buffer.Append('\n');
            AppendScope(ref buffer, amzDate);
            buffer.Append('\n');
            buffer.Append(canonicalHash);

            Span<byte> stringToSign = stackalloc byte[Encoding.UTF8.GetMaxByteCount(buffer.Written.Length)];
            var count = Encoding.UTF8.GetBytes(buffer.Written, stringToSign);
            Span<byte> mac = stackalloc byte[32];
            _keys.Sign(credentials, amzDate[..8], stringToSign[..count], mac);
            Convert.TryToHexStringLower(mac, signature, out _);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Formats <c>yyyyMMddTHHmmssZ</c> in UTC into 16 chars.</summary>
    public static void FormatAmzDate(DateTimeOffset time, Span<char> destination)
    {
        time.UtcDateTime.TryFormat(destination, out _, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The credential scope <c>yyyyMMdd/region/service/aws4_request</c>.</summary>
    public string Scope(ReadOnlySpan<char> amzDate)
    {
        var buffer = new PooledCharBuffer(64);
        try
        {
            AppendScope(ref buffer, amzDate);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Splits a request URI into its raw (already encoded) path and query.</summary>
    public static (string Path, string Query) SplitPathAndQuery(Uri uri)
    {
        var pathAndQuery = uri.PathAndQuery;
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var query = question < 0 ? string.Empty : pathAndQuery[(question + 1)..];
        return (path.Length == 0 ? "/" : path, query);
    }

    private string BuildAuthorization(string accessKeyId, ReadOnlySpan<char> amzDate, ReadOnlySpan<char> signedHeaders, ReadOnlySpan<char> signature)
    {
        var buffer = new PooledCharBuffer(256);
        try
        {
            buffer.Append(Algorithm);
            buffer.Append(" Credential=");
            buffer.Append(accessKeyId);
            buffer.Append('/');
            AppendScope(ref buffer, amzDate);
            buffer.Append(", SignedHeaders=");
            buffer.Append(signedHeaders);
            buffer.Append(", Signature=");
            buffer.Append(signature);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private void AppendScope(ref PooledCharBuffer buffer, ReadOnlySpan<char> amzDate)
    {
        buffer.Append(amzDate[..8]);
        buffer.Append('/');
        buffer.Append(Region);
        buffer.Append('/');
        buffer.Append(Service);
        buffer.Append("/aws4_request");
    }

    private static void WriteCanonicalRequest(
        ref PooledCharBuffer buffer, string method, ReadOnlySpan<char> canonicalUri, string canonicalQuery,
        List<CanonicalHeader> headers, ReadOnlySpan<char> signedHeaders, string payloadHash)
    {
        buffer.Append(method);
        buffer.Append('\n');
        buffer.Append(canonicalUri.IsEmpty ? "/" : canonicalUri);
        buffer.Append('\n');
        buffer.Append(canonicalQuery);
        buffer.Append('\n');
        foreach (var header in headers)
        {
            buffer.Append(header.Name);
            buffer.Append(':');
            buffer.Append(header.Value);
            buffer.Append('\n');
        }

        buffer.Append('\n');
        buffer.Append(signedHeaders);
        buffer.Append('\n');
        buffer.Append(payloadHash);
    }
}
