using System.Globalization;

namespace S3Client.Samples.Cli;

/// <summary>Byte counts for people: <c>512 B</c>, <c>1.5 MiB</c>, <c>1.00 GiB</c>.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    public static string Format(double bytes)
    {
        var unit = 0;
        while (bytes >= 1024 && unit < Units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        var format = unit == 0 ? "0" : bytes < 10 ? "0.00" : bytes < 100 ? "0.0" : "0";
        return bytes.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    public static string Rate(long bytes, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? Format(bytes / elapsed.TotalSeconds) + "/s" : "-";
}
