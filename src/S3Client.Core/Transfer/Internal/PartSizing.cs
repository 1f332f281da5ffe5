namespace S3Client.Transfer.Internal;

/// <summary>Chooses part sizes that respect S3's limits: 5 MiB minimum, 10,000 parts at most.</summary>
internal static class PartSizing
{
    private const long MiB = 1024 * 1024;

    /// <summary>The part size for a known length: the configured size, raised (to whole MiB) until 10,000 parts suffice.</summary>
    public static long ForKnownLength(long length, long configured)
    {
        var needed = (length + TransferOptions.MaxParts - 1) / TransferOptions.MaxParts;
        var size = Math.Max(configured, needed);
        size = (size + MiB - 1) / MiB * MiB;
        return Math.Clamp(size, TransferOptions.MinPartSize, TransferOptions.MaxPartSize);
    }

    /// <summary>
    /// For a stream of unknown length: the configured size for the first 800 parts, doubling every 800 after (up to
    /// 1 GiB), so 10,000 parts reach S3's 5 TiB object limit from an 8 MiB start.
    /// </summary>
    public static long ForUnknownLength(int partNumber, long configured)
    {
        var doublings = Math.Min((partNumber - 1) / 800, 20);
        return Math.Min(configured << doublings, TransferOptions.MaxPartSize);
    }
}
