using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3Client.Benchmarks.Micro;

/// <summary>
/// The baseline for the signature benchmark: a careful single-purpose SigV4 signer for a GET with the three headers S3
/// always signs. The signing key is derived once (as any signer caches it per day); the canonical request and the
/// string to sign are written as UTF-8 into stack buffers; the only allocations are the date and Authorization strings
/// that end up in the request's headers. It knows nothing about other headers, queries or encodings.
/// </summary>
public sealed class HandRolledSigner
{
    private const string SignedHeaders = "host;x-amz-content-sha256;x-amz-date";

    private readonly byte[] _signingKey;
    private readonly string _scope;
    private readonly string _authorizationPrefix;

    public HandRolledSigner(string accessKeyId, string secretAccessKey, string region, DateTimeOffset day)
    {
        var date = day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        _scope = $"{date}/{region}/s3/aws4_request";
        _signingKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        _signingKey = HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(region));
        _signingKey = HMACSHA256.HashData(_signingKey, "s3"u8);
        _signingKey = HMACSHA256.HashData(_signingKey, "aws4_request"u8);
        _authorizationPrefix = $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{_scope}, SignedHeaders={SignedHeaders}, Signature=";
    }

    /// <summary>Sets <c>x-amz-date</c>, <c>x-amz-content-sha256</c> and <c>Authorization</c> on a GET of an already-encoded path.</summary>
    public void SignGet(HttpRequestMessage request, string host, DateTimeOffset time, string payloadHash)
    {
        Span<char> dateChars = stackalloc char[16];
        time.UtcDateTime.TryFormat(dateChars, out _, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var amzDate = dateChars.ToString();

        Span<byte> canonical = stackalloc byte[2048];
        var writer = new Utf8Writer(canonical);
        writer.Write("GET\n");
        writer.Write(request.RequestUri!.AbsolutePath);
        writer.Write("\n\nhost:");
        writer.Write(host);
        writer.Write("\nx-amz-content-sha256:");
        writer.Write(payloadHash);
        writer.Write("\nx-amz-date:");
        writer.Write(amzDate);
        writer.Write("\n\n" + SignedHeaders + "\n");
        writer.Write(payloadHash);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(writer.Written, hash);

        Span<byte> stringToSign = stackalloc byte[256];
        writer = new Utf8Writer(stringToSign);
        writer.Write("AWS4-HMAC-SHA256\n");
        writer.Write(amzDate);
        writer.Write("\n");
        writer.Write(_scope);
        writer.Write("\n");
        writer.WriteHexLower(hash);
        Span<byte> signature = stackalloc byte[32];
        HMACSHA256.HashData(_signingKey, writer.Written, signature);

        Span<char> signatureHex = stackalloc char[64];
        Convert.TryToHexStringLower(signature, signatureHex, out _);
        var authorization = string.Concat(_authorizationPrefix, signatureHex);

        var headers = request.Headers;
        headers.Remove("x-amz-date");
        headers.Remove("x-amz-content-sha256");
        headers.Remove("Authorization");
        headers.TryAddWithoutValidation("x-amz-date", amzDate);
        headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        headers.TryAddWithoutValidation("Authorization", authorization);
    }

    private ref struct Utf8Writer
    {
        private readonly Span<byte> _buffer;
        private int _length;

        public Utf8Writer(Span<byte> buffer)
        {
            _buffer = buffer;
            _length = 0;
        }

        public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

        public void Write(ReadOnlySpan<char> text) => _length += Encoding.UTF8.GetBytes(text, _buffer[_length..]);

        public void WriteHexLower(ReadOnlySpan<byte> bytes)
        {
            Convert.TryToHexStringLower(bytes, _buffer[_length..], out var written);
            _length += written;
        }
    }
}
