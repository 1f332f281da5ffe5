namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The credentials every client of the suite signs with: the documented AWS example credentials (the loopback endpoint
/// checks no signature), or, for a run against a real server (<c>eng/benchmark.sh --rgw</c>), that server's from
/// <c>S3BENCH_ACCESS_KEY</c>, <c>S3BENCH_SECRET_KEY</c> and <c>S3BENCH_REGION</c>.
/// </summary>
public static class BenchmarkCredentials
{
    public static string AccessKeyId { get; } = Environment.GetEnvironmentVariable("S3BENCH_ACCESS_KEY") is { Length: > 0 } key ? key : "AKIAIOSFODNN7EXAMPLE";

    public static string SecretAccessKey { get; } =
        Environment.GetEnvironmentVariable("S3BENCH_SECRET_KEY") is { Length: > 0 } secret ? secret : "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static string Region { get; } = Environment.GetEnvironmentVariable("S3BENCH_REGION") is { Length: > 0 } region ? region : "us-east-1";
}
