using System.Security.Cryptography;

namespace S3Client.FaultInjection.Internal;

/// <summary>The SHA-256 and length of a body, computed as it streams past.</summary>
internal sealed class BodyDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        Length += data.Length;
    }

    /// <summary>Lower-case hex SHA-256 of everything appended so far.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();
}
