using System.IO.Hashing;
using System.Security.Cryptography;

namespace S3Client.Checksums.Internal;

/// <summary>Computes an <see cref="S3Checksum"/> incrementally (CRC-32 and CRC-32C big-endian, SHA-256), base64 as S3 wants it.</summary>
internal sealed class S3ChecksumCalculator : IDisposable
{
    private readonly S3ChecksumAlgorithm _algorithm;
    private readonly NonCryptographicHashAlgorithm? _crc;
    private readonly IncrementalHash? _sha;

    public S3ChecksumCalculator(S3ChecksumAlgorithm algorithm)
    {
        _algorithm = algorithm;
        switch (algorithm)
        {
            case S3ChecksumAlgorithm.Crc32: _crc = new System.IO.Hashing.Crc32(); break;
            case S3ChecksumAlgorithm.Crc32C: _crc = new Crc32C(); break;
            case S3ChecksumAlgorithm.Sha256: _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256); break;
            default: throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Choose CRC32, CRC32C or SHA256.");
        }
    }

    public static S3Checksum Compute(S3ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        using var calculator = new S3ChecksumCalculator(algorithm);
        calculator.Append(data);
        return calculator.GetChecksum();
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _crc?.Append(data);
        _sha?.AppendData(data);
    }

    public S3Checksum GetChecksum()
    {
        // System.IO.Hashing.Crc32 writes little-endian; S3 wants the big-endian value (as Crc32C above writes it).
        byte[] bytes = _crc switch
        {
            System.IO.Hashing.Crc32 crc32 => BigEndian(crc32.GetCurrentHashAsUInt32()),
            { } crc => crc.GetCurrentHash(),
            _ => _sha!.GetCurrentHash(),
        };
        return new S3Checksum(_algorithm, Convert.ToBase64String(bytes));
    }

    public void Dispose() => _sha?.Dispose();

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
