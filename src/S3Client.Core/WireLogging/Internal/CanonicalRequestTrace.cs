using System.Security.Cryptography;
using System.Text;
using S3Client.Signing.Internal;

namespace S3Client.WireLogging.Internal;

/// <summary>
/// The canonical request and string to sign of an attempt as it was signed, rebuilt from the signed request itself
/// (its <c>Authorization</c> scope and signed header names, <c>x-amz-date</c> and <c>x-amz-content-sha256</c>) with the
/// signer's own canonicalisation: what our side signed, to set beside what the service says it expected. Needs no
/// credentials: neither text contains the secret.
/// </summary>
internal sealed record CanonicalRequestTrace(string CanonicalRequest, string StringToSign)
{
    /// <summary>The trace of a request signed with an <c>Authorization</c> header; null for anything else.</summary>
    public static CanonicalRequestTrace? From(HttpRequestMessage request)
    {
        if (request.RequestUri is null || !request.Headers.TryGetValues("Authorization", out var values))
        {
            return null;
        }

        var authorization = values.FirstOrDefault() ?? string.Empty;
        var scope = Part(authorization, "Credential=") is { } credential && credential.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            ? credential[(slash + 1)..]
            : null;
        var signedHeaders = Part(authorization, "SignedHeaders=");
        if (!authorization.StartsWith(SigV4Signer.Algorithm, StringComparison.Ordinal) || scope is null || signedHeaders is null
            || Header(request, SigV4Signer.DateHeader) is not { } amzDate || Header(request, SigV4Signer.ContentSha256Header) is not { } payloadHash)
        {
            return null;
        }

        var names = signedHeaders.Split(';').ToHashSet(StringComparer.Ordinal);
        var headers = CanonicalHeaders.Collect(request).Where(h => names.Contains(h.Name)).ToList();
        var (path, query) = SigV4Signer.SplitPathAndQuery(request.RequestUri);
        var canonicalRequest = SigV4Signer.BuildCanonicalRequest(request.Method.Method, path, CanonicalQuery.Build(query), headers, signedHeaders, payloadHash);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        return new CanonicalRequestTrace(canonicalRequest, string.Join('\n', SigV4Signer.Algorithm, amzDate, scope, hash));
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // "AWS4-HMAC-SHA256 Credential=AKID/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=..."
    private static string? Part(string authorization, string name)
    {
        var start = authorization.IndexOf(name, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length;
        var end = authorization.IndexOf(',', start);
        return (end < 0 ? authorization[start..] : authorization[start..end]).Trim();
    }
}
