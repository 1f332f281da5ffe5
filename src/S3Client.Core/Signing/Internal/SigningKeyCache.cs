using System.Security.Cryptography;
using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>
/// Caches the derived SigV4 signing key for the current (date, credentials) pair; the region and service are fixed
/// per cache. A new credentials object (a refresh) or a new UTC day derives a new key.
/// </summary>
internal sealed class SigningKeyCache
{
    private readonly string _region;
    private readonly string _service;
    private Entry? _current;

    public SigningKeyCache(string region, string service)
    {
        _region = region;
        _service = service;
    }

    /// <summary>Returns the 32-byte signing key for <paramref name="date"/> (<c>yyyyMMdd</c>).</summary>
    public byte[] GetKey(S3Credentials credentials, ReadOnlySpan<char> date)
    {
        var entry = Volatile.Read(ref _current);
        if (entry is not null && ReferenceEquals(entry.Credentials, credentials) && date.SequenceEqual(entry.Date))
        {
            return entry.Key;
        }

        var key = Derive(credentials.SecretAccessKey, date, _region, _service);
        Volatile.Write(ref _current, new Entry(credentials, date.ToString(), key));
        return key;
    }

    /// <summary>HMAC chain: <c>AWS4</c>+secret, date, region, service, <c>aws4_request</c>.</summary>
    public static byte[] Derive(string secretAccessKey, ReadOnlySpan<char> date, string region, string service)
    {
        var secretBytes = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        Span<byte> key = stackalloc byte[32];
        Hmac(secretBytes, date, key);
        Hmac(key, region, key);
        Hmac(key, service, key);
        Hmac(key, "aws4_request", key);
        CryptographicOperations.ZeroMemory(secretBytes);
        return key.ToArray();
    }

    private static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<char> data, Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[Encoding.UTF8.GetMaxByteCount(data.Length)];
        var count = Encoding.UTF8.GetBytes(data, bytes);
        Span<byte> result = stackalloc byte[32];
        HMACSHA256.HashData(key, bytes[..count], result);
        result.CopyTo(destination);
    }

    private sealed record Entry(S3Credentials Credentials, string Date, byte[] Key);
}
