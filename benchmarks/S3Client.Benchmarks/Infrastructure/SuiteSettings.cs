namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The sizes and the mode of a run. The runner sets <see cref="ModeVariable"/>; the benchmark processes inherit it.
/// The short mode moves 256 MiB where the full mode moves 1 GiB, so the whole suite fits in a few minutes.
/// </summary>
public static class SuiteSettings
{
    public const string ModeVariable = "S3BENCH_MODE";
    public const int MiB = 1024 * 1024;

    public static bool IsFull => string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>The size of the large GET and PUT and of the transfer sweep, in MiB.</summary>
    public static int LargeSizeMiB => IsFull ? 1024 : 256;

    /// <summary>The size of the PUT of unknown length, in MiB (both modes).</summary>
    public const int UnknownLengthSizeMiB = 64;

    public static IEnumerable<int> LargeSizes() => [LargeSizeMiB];

    public static IEnumerable<int> SweepPartSizes() => IsFull ? [8, 16, 32, 64] : [8, 32, 64];

    public static IEnumerable<int> SweepConcurrencies() => IsFull ? [2, 4, 8] : [2, 8];
}
