using System.Buffers.Binary;
using System.IO.Hashing;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;
using System.Runtime.Intrinsics.X86;

namespace S3Client.Checksums.Internal;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as S3's <c>x-amz-checksum-crc32c</c>: the CPU's CRC32
/// instruction where there is one (SSE4.2, ARMv8), a lookup table otherwise.
/// </summary>
internal sealed class Crc32C : NonCryptographicHashAlgorithm
{
    private static readonly uint[] Table = BuildTable();
    private uint _crc = 0xFFFFFFFFu;

    public Crc32C()
        : base(4)
    {
    }

    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    public override void Append(ReadOnlySpan<byte> source) => _crc = Update(_crc, source);

    public override void Reset() => _crc = 0xFFFFFFFFu;

    protected override void GetCurrentHashCore(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, ~_crc);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong wide = crc;
            while (data.Length >= 8)
            {
                wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            crc = (uint)wide;
            foreach (var b in data)
            {
                crc = Sse42.Crc32(crc, b);
            }

            return crc;
        }

        if (ArmCrc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = ArmCrc32.Arm64.ComputeCrc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            foreach (var b in data)
            {
                crc = ArmCrc32.ComputeCrc32C(crc, b);
            }

            return crc;
        }

        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ 0x82F63B78u : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
