using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using S3Client.Signing.Internal;
using Xunit.Abstractions;

namespace S3Client.Core.Tests.Signing;

/// <summary>
/// Every S3-applicable case of the AWS SigV4 test suite (aws-c-auth and botocore copies), header and presigned forms,
/// compared on the canonical request and the signature.
/// </summary>
public class AwsSigV4TestSuiteTests(ITestOutputHelper output)
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "aws-sigv4-test-suite");

    // S3 never normalises paths; these cases expect normalisation. Their *-unnormalized twins run instead.
    private static readonly HashSet<string> NotApplicable =
    [
        "get-relative-normalized", "get-relative-relative-normalized", "get-slash-normalized", "get-slash-dot-slash-normalized",
        "get-slash-pointless-dot-normalized", "get-slashes-normalized", "post-sts-header-after",
        "normalize-path/get-relative", "normalize-path/get-relative-relative", "normalize-path/get-slash",
        "normalize-path/get-slash-dot-slash", "normalize-path/get-slash-pointless-dot", "normalize-path/get-slashes",
        "post-sts-token/post-sts-header-after",
    ];

    // The presigned forms of these sign a body hash, which S3 presigning never does.
    private static readonly HashSet<string> QueryNotApplicable = ["post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters"];

    [Fact]
    public void Aws_c_auth_cases_match_in_header_and_presigned_form()
    {
        var folder = Path.Combine(Root, "aws-c-auth-v4");
        int ran = 0, skipped = 0;
        var failures = new List<string>();
        foreach (var caseDir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(caseDir);
            if (NotApplicable.Contains(name))
            {
                skipped++;
                continue;
            }

            using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "context.json")));
            var c = context.RootElement;
            var creds = c.GetProperty("credentials");
            var credentials = new S3Credentials(
                creds.GetProperty("access_key_id").GetString()!, creds.GetProperty("secret_access_key").GetString()!,
                creds.TryGetProperty("token", out var token) ? token.GetString() : null);
            var signBody = c.GetProperty("sign_body").GetBoolean();
            var omitToken = c.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean();
            var expires = c.GetProperty("expiration_in_seconds").GetInt32();
            var request = SuiteRequest.Parse(File.ReadAllBytes(Path.Combine(caseDir, "request.txt")));
            var signer = new SigV4Signer(c.GetProperty("region").GetString()!, c.GetProperty("service").GetString()!);

            // Header form: the signer adds x-amz-date, the body hash when asked, and the token.
            var headers = request.Headers.ToList();
            headers.Add(new("X-Amz-Date", "20150830T123600Z"));
            if (signBody)
            {
                headers.Add(new("x-amz-content-sha256", request.BodyHash));
            }

            if (credentials.SessionToken is not null && !omitToken)
            {
                headers.Add(new("X-Amz-Security-Token", credentials.SessionToken));
            }

            Compare(failures, name + " (header)", signer, request, headers, credentials,
                File.ReadAllText(Path.Combine(caseDir, "header-canonical-request.txt")),
                File.ReadAllText(Path.Combine(caseDir, "header-signature.txt")).Trim());
            ran++;

            if (QueryNotApplicable.Contains(name))
            {
                skipped++;
                continue;
            }

            var presigned = signer.Presign(request.Method, request.Uri, credentials, SuiteTime, TimeSpan.FromSeconds(expires),
                request.Headers.Where(h => !h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)).ToList(), request.BodyHash);
            var signature = presigned.Query.Split("X-Amz-Signature=")[1];
            var expected = File.ReadAllText(Path.Combine(caseDir, "query-signature.txt")).Trim();
            if (signature != expected)
            {
                failures.Add($"{name} (presigned): signature {signature} != {expected}");
            }

            ran++;
        }

        output.WriteLine($"aws-c-auth: {ran} cases ran, {skipped} not applicable to S3");
        failures.Should().BeEmpty();
        ran.Should().BeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public void Botocore_cases_match_in_header_form()
    {
        var folder = Path.Combine(Root, "botocore-aws4_testsuite");
        int ran = 0, skipped = 0;
        var failures = new List<string>();
        var cases = Directory.GetFiles(folder, "*.req", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var reqFile in cases)
        {
            var caseDir = Path.GetDirectoryName(reqFile)!;
            var name = Path.GetRelativePath(folder, caseDir).Replace('\\', '/');
            if (NotApplicable.Contains(name))
            {
                skipped++;
                continue;
            }

            var stem = Path.Combine(caseDir, Path.GetFileNameWithoutExtension(reqFile));
            var request = SuiteRequest.Parse(File.ReadAllBytes(reqFile));
            var token = SessionTokenFromSignedRequest(stem + ".sreq", request);
            var credentials = new S3Credentials("AKIDEXAMPLE", Secret, token);
            var headers = request.Headers.ToList();
            if (token is not null && !headers.Any(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add(new("X-Amz-Security-Token", token));
            }

            var authz = File.ReadAllText(stem + ".authz").Trim();
            Compare(failures, name, new SigV4Signer("us-east-1", "service"), request, headers, credentials,
                File.ReadAllText(stem + ".creq"), authz[(authz.IndexOf("Signature=", StringComparison.Ordinal) + 10)..]);
            ran++;
        }

        output.WriteLine($"botocore: {ran} cases ran, {skipped} not applicable to S3");
        failures.Should().BeEmpty();
        ran.Should().BeGreaterThanOrEqualTo(25);
    }

    private static void Compare(
        List<string> failures, string name, SigV4Signer signer, SuiteRequest request, List<KeyValuePair<string, string>> headers,
        S3Credentials credentials, string expectedCanonical, string expectedSignature)
    {
        var canonicalHeaders = new List<CanonicalHeader> { new("host", CanonicalHeaders.HostHeader(request.Uri)) };
        foreach (var group in headers.GroupBy(h => h.Key.ToLowerInvariant()))
        {
            CanonicalHeaders.Add(canonicalHeaders, group.Key, group.Select(h => h.Value).ToList());
        }

        // The suite signs every header; the S3 signer's skip list (user-agent, content-length, ...) does not apply here.
        foreach (var header in headers.Where(h => h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)))
        {
            canonicalHeaders.Add(new("content-length", header.Value.Trim()));
        }

        canonicalHeaders.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var signed = CanonicalHeaders.SignedHeaderNames(canonicalHeaders);
        var (path, query) = SigV4Signer.SplitPathAndQuery(request.Uri);
        var canonicalQuery = CanonicalQuery.Build(query);
        var canonical = SigV4Signer.BuildCanonicalRequest(request.Method, path, canonicalQuery, canonicalHeaders, signed, request.BodyHash);
        if (canonical != expectedCanonical.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            failures.Add($"{name}: canonical request differs:\n{canonical}\n--- expected ---\n{expectedCanonical}");
            return;
        }

        Span<char> signature = stackalloc char[64];
        signer.ComputeSignature(request.Method, path, canonicalQuery, canonicalHeaders, signed, request.BodyHash, credentials, "20150830T123600Z", signature);
        if (!signature.SequenceEqual(expectedSignature))
        {
            failures.Add($"{name}: signature {signature.ToString()} != {expectedSignature}");
        }
    }

    private static string? SessionTokenFromSignedRequest(string sreqPath, SuiteRequest request)
    {
        var fromRequest = request.Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase));
        if (fromRequest.Key is not null)
        {
            return fromRequest.Value;
        }

        if (!File.Exists(sreqPath))
        {
            return null;
        }

        var line = File.ReadLines(sreqPath).FirstOrDefault(l => l.StartsWith("X-Amz-Security-Token:", StringComparison.OrdinalIgnoreCase));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>A request of the suite's text form: request line, headers (with folded lines), blank line, body.</summary>
    private sealed record SuiteRequest(string Method, Uri Uri, List<KeyValuePair<string, string>> Headers, string BodyHash)
    {
        public static SuiteRequest Parse(byte[] raw)
        {
            var text = Encoding.UTF8.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal);
            var split = text.IndexOf("\n\n", StringComparison.Ordinal);
            var head = split < 0 ? text : text[..split];
            var body = split < 0 ? string.Empty : text[(split + 2)..];
            var lines = head.Split('\n');
            var requestLine = lines[0];
            var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
            var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in lines.Skip(1))
            {
                if (line.Length > 0 && char.IsWhiteSpace(line[0]) && headers.Count > 0)
                {
                    var last = headers[^1];
                    headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                }
                else if (line.Length > 0)
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers.Add(new(line[..colon], line[(colon + 1)..]));
                }
            }

            var host = headers.First(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)).Value.Trim();
            var question = target.IndexOf('?', StringComparison.Ordinal);
            var path = question < 0 ? target : target[..question];
            var query = question < 0 ? string.Empty : target[question..];
            // The client encodes each key once, exactly like this, before signing.
            var uri = new Uri($"https://{host}{S3UriEncoding.EncodePath(path)}{query}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            return new SuiteRequest(method, uri, headers, bodyHash);
        }
    }
}
