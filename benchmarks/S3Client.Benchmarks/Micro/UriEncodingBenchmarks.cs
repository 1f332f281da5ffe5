using Amazon.Util;
using BenchmarkDotNet.Attributes;
using S3Client.Signing.Internal;

namespace S3Client.Benchmarks.Micro;

/// <summary>
/// Canonical encoding of awkward object keys (Unicode in two normal forms, spaces, reserved characters, <c>//</c> and
/// dot segments, an emoji, and a plain key for the common case) and of a ListObjectsV2 query. Times are per key.
/// </summary>
public class UriEncodingBenchmarks
{
    private const int KeyCount = 7;

    private static readonly string[] Keys =
    [
        "logs/app-server/2026/03/14/part-00001.json.gz",
        "photos/2026/März/Ünïcödé naïve (1).jpg",
        "photos/2026/Ma\u0308rz/U\u0308ni\u0308co\u0308de\u0301.jpg",
        "a//b/./../c d+e&f=g%h;i,j@k$l",
        "日本語/ファイル名 リスト.txt",
        "emoji 😀/file#1?.png",
        "reports/Q1 2026/sales [final] {v2} ~draft~.xlsx",
    ];

    private const string Query =
        "list-type=2&prefix=photos%2F2026%2FM%C3%A4rz%2F&delimiter=%2F&encoding-type=url&max-keys=1000&start-after=a%20b%2Bc" +
        "&continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2FwmWZ%3D";

    [Benchmark(Baseline = true, OperationsPerInvoke = KeyCount, Description = "Baseline (Uri.EscapeDataString, then '/' kept)")]
    [BenchmarkCategory("Encode awkward key (path)")]
    public int PathBaseline()
    {
        var total = 0;
        foreach (var key in Keys)
        {
            total += Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = KeyCount, Description = "Ours (S3UriEncoding.EncodePath)")]
    [BenchmarkCategory("Encode awkward key (path)")]
    public int PathOurs()
    {
        var total = 0;
        foreach (var key in Keys)
        {
            total += S3UriEncoding.EncodePath(key).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = KeyCount, Description = "AWSSDK.S3 (AWSSDKUtils.UrlEncode)")]
    [BenchmarkCategory("Encode awkward key (path)")]
    public int PathSdk()
    {
        var total = 0;
        foreach (var key in Keys)
        {
            total += AWSSDKUtils.UrlEncode(key, path: true).Length;
        }

        return total;
    }

    [Benchmark(Baseline = true, Description = "Ours (CanonicalQuery.Build)")]
    [BenchmarkCategory("Canonical query (7 parameters)")]
    public string QueryOurs() => CanonicalQuery.Build(Query);
}
