using System.Security.Cryptography;

namespace S3Client.IntegrationTests.TestSupport;

public static class Hashing
{
    /// <summary>Reads <paramref name="stream"/> to its end and returns the hex SHA-256 and the byte count.</summary>
    public static async Task<(string Sha256, long Length)> Sha256Async(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[128 * 1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }
}
