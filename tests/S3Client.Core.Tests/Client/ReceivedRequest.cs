using System.Security.Cryptography;
using System.Text;
using WireMock;

namespace S3Client.Core.Tests.Client;

/// <summary>Reads a request as WireMock received it: raw target, headers, body, and the SigV4 signature it carries.</summary>
public static class ReceivedRequest
{
    /// <summary>The request target (path and query) exactly as it arrived, before Kestrel normalised it.</summary>
    public static string RawTarget(this IRequestMessage request) =>
        request.Header(WireMockS3.RawTargetHeader) ?? throw new InvalidOperationException("The raw-target middleware did not run.");

    /// <summary>The raw path, without the query.</summary>
    public static string RawPath(this IRequestMessage request) => request.RawTarget().Split('?', 2)[0];

    /// <summary>The raw query without its '?', or an empty string.</summary>
    public static string RawQueryString(this IRequestMessage request) =>
        request.RawTarget().Split('?', 2) is [_, var query] ? query : string.Empty;

    /// <summary>A header's values joined with commas, or null when absent (names compared case-insensitively).</summary>
    public static string? Header(this IRequestMessage request, string name)
    {
        foreach (var (key, values) in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(",", values);
            }
        }

        return null;
    }

    /// <summary>The names in the Authorization header's <c>SignedHeaders=</c>.</summary>
    public static IReadOnlyList<string> SignedHeaders(this IRequestMessage request) =>
        AuthorizationPart(request, "SignedHeaders").Split(';');

    /// <summary>The body bytes, empty when none arrived.</summary>
    public static byte[] Body(this IRequestMessage request) => request.BodyAsBytes ?? [];

    /// <summary>The <c>Signature=</c> the client sent.</summary>
    public static string SentSignature(this IRequestMessage request) => AuthorizationPart(request, "Signature");

    /// <summary>
    /// Recomputes the SigV4 signature the way S3 does on its side, from the request as received: the raw path (never
    /// normalised), the canonical query, the signed headers' received values and the sent payload hash. Written
    /// independently of the library's signer, so a request changed after signing fails to match.
    /// </summary>
    public static string ExpectedSignature(this IRequestMessage request, string secretAccessKey)
    {
        var credential = AuthorizationPart(request, "Credential").Split('/');
        var (date, region, service) = (credential[1], credential[2], credential[3]);
        var signedHeaders = AuthorizationPart(request, "SignedHeaders");
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = request.Header(name) ?? throw new InvalidOperationException($"Signed header '{name}' was not received.");
            canonicalHeaders.Append(name).Append(':').Append(string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            request.Method, request.RawPath(), CanonicalQuery(request.RawQueryString()), canonicalHeaders.ToString(), signedHeaders,
            request.Header("x-amz-content-sha256"));
        var amzDate = request.Header("x-amz-date");
        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256", amzDate, $"{date}/{region}/{service}/aws4_request", Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static string CanonicalQuery(string rawQuery) => string.Join('&', rawQuery
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(parts => (Name: Reencode(parts[0]), Value: Reencode(parts.Length > 1 ? parts[1] : string.Empty)))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => $"{p.Name}={p.Value}"));

    private static string Reencode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));

    private static string AuthorizationPart(IRequestMessage request, string name)
    {
        var authorization = request.Header("Authorization") ?? throw new InvalidOperationException("The request has no Authorization header.");
        var prefix = name + "=";
        foreach (var part in authorization["AWS4-HMAC-SHA256 ".Length..].Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
            {
                return trimmed[prefix.Length..];
            }
        }

        throw new InvalidOperationException($"The Authorization header has no {name}.");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
