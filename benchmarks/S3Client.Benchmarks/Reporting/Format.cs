using System.Globalization;

namespace S3Client.Benchmarks.Reporting;

/// <summary>Number formatting of the results page.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "n/a",
        < 1_000 => nanoseconds.Value.ToString("F1", Invariant) + " ns",
        < 1_000_000 => (nanoseconds.Value / 1_000).ToString("F2", Invariant) + " μs",
        < 1_000_000_000 => (nanoseconds.Value / 1_000_000).ToString("F2", Invariant) + " ms",
        _ => (nanoseconds.Value / 1_000_000_000).ToString("F2", Invariant) + " s",
    };

    public static string Bytes(double? bytes) => bytes switch
    {
        null => "n/a",
        < 1024 => bytes.Value.ToString("F0", Invariant) + " B",
        < 1024 * 1024 => (bytes.Value / 1024).ToString("F2", Invariant) + " KiB",
        _ => (bytes.Value / (1024 * 1024)).ToString("F1", Invariant) + " MiB",
    };

    public static string MiB(double? mebibytes) => mebibytes is { } v ? v.ToString("F0", Invariant) + " MiB" : "n/a";

    public static string Ratio(double? ratio) => ratio is { } r && double.IsFinite(r) ? r.ToString(r < 10 ? "F2" : "F1", Invariant) + "x" : "n/a";

    public static string Number(double? value, string format = "F0") => value is { } v ? v.ToString(format, Invariant) : "n/a";

    public static string Milliseconds(double? milliseconds) => milliseconds is { } ms
        ? ms >= 1000 ? (ms / 1000).ToString("F2", Invariant) + " s" : ms.ToString("F0", Invariant) + " ms"
        : "n/a";

    public static double? Divide(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d != 0 ? n / d : null;

    public static string Verdict(bool? met) => met switch
    {
        true => "met",
        false => "**not met**",
        null => "not measured",
    };
}
