using System.Security.Cryptography;

namespace S3Client;

/// <summary>
/// A 256-bit key for SSE-C: S3 encrypts with it and keeps only its hash, so the same key must be given to read the
/// object. The key never appears in logs, traces, exception messages or <see cref="ToString"/>.
/// </summary>
public sealed class S3CustomerKey
{
    private readonly string _keyBase64;

    /// <summary>Creates a customer key.</summary>
    /// <param name="key">Exactly 32 bytes; copied.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public S3CustomerKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"An SSE-C key has 32 bytes (AES-256); this one has {key.Length}.", nameof(key));
        }

        _keyBase64 = Convert.ToBase64String(key);
#pragma warning disable CA5351 // S3 names MD5 as the key's integrity check; it protects nothing secret.
        KeyMd5 = Convert.ToBase64String(MD5.HashData(key));
#pragma warning restore CA5351
    }

    /// <summary>The base64 MD5 of the key, which S3 uses to check the key arrived intact (not secret).</summary>
    public string KeyMd5 { get; }

    internal string KeyBase64 => _keyBase64;

    /// <summary>Returns the key's MD5 only.</summary>
    public override string ToString() => $"S3CustomerKey {{ KeyMd5 = {KeyMd5} }}";
}
