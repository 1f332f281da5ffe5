using System.Security.Cryptography;
using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>
/// Caches the derived SigV4 signing key for the current (date, credentials) pair; the region and service are fixed
/// per cache. A new credentials object (a refresh) or a new UTC day derives a new key. Each key keeps a few keyed
/// HMAC instances for reuse: a one-shot HMAC sets up the MAC afresh on every call and cost twice as much per signature.
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

    /// <summary>Writes the HMAC-SHA256 of <paramref name="data"/> under the signing key of <paramref name="date"/>.</summary>
    public void Sign(S3Credentials credentials, ReadOnlySpan<char> date, ReadOnlySpan<byte> data, Span<byte> mac) =>
        GetEntry(credentials, date).Mac(data, mac);

    private Entry GetEntry(S3Credentials credentials, ReadOnlySpan<char> date)
    {
        var entry = Volatile.Read(ref _current);
        if (entry is not null && ReferenceEquals(entry.Credentials, credentials) && date.SequenceEqual(entry.Date))
        {
            return entry;
        }

        entry = new Entry(credentials, date.ToString(), Derive(credentials.SecretAccessKey, date, _region, _service));
        Volatile.Write(ref _current, entry);
        return entry;
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

    private sealed class Entry(S3Credentials credentials, string date, byte[] key)
    {
        // Parked HMAC instances, taken and put back with an atomic swap; a caller that finds none makes one. Instances
        // of a replaced key are left to their finalizers (once per key, at most a day's worth).
        private readonly IncrementalHash?[] _parked = new IncrementalHash?[Math.Clamp(Environment.ProcessorCount * 2, 4, 32)];

        public S3Credentials Credentials { get; } = credentials;

        public string Date { get; } = date;

        public byte[] Key { get; } = key;

        public void Mac(ReadOnlySpan<byte> data, Span<byte> mac)
        {
            var start = Environment.CurrentManagedThreadId;
            IncrementalHash? hmac = null;
            var slot = 0;
            for (var i = 0; i < _parked.Length && hmac is null; i++)
            {
                slot = (start + i) % _parked.Length;
                hmac = Interlocked.Exchange(ref _parked[slot], null);
            }

            hmac ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key);
            hmac.AppendData(data);
            hmac.GetHashAndReset(mac);
            if (Interlocked.CompareExchange(ref _parked[slot], hmac, null) is not null)
            {
                hmac.Dispose();
            }
        }
    }
}
