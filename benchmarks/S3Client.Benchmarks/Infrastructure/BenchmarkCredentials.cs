namespace S3Client.Benchmarks.Infrastructure;

/// <summary>The documented AWS example credentials: the loopback endpoint checks no signature.</summary>
public static class BenchmarkCredentials
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
}
