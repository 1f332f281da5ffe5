using System.Security.Cryptography;

namespace S3Client.Samples.Worker;

/// <summary>Makes the bytes to upload and hashes what comes back.</summary>
internal static class SampleContent
{
    /// <summary>
    /// Pseudo-random bytes, the same for the same seed and index: random so that compression or deduplication on the
    /// way cannot hide a fault, repeatable so that a failing run can be reproduced.
    /// </summary>
    public static byte[] Create(int seed, int index, int length)
    {
        var bytes = new byte[length];
        // Not for security: a seeded generator is what makes the content repeatable.
#pragma warning disable CA5394
        new Random(HashCode.Combine(seed, index)).NextBytes(bytes);
#pragma warning restore CA5394
        return bytes;
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Reads a stream to its end in pieces, so a large download is never held in memory whole.</summary>
    public static async Task<(string Sha256Hex, long Length)> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), length);
    }
}
