using Amazon.Runtime;
using Amazon.S3;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>Builds the three clients every end-to-end scenario compares, all pointed at the loopback endpoint.</summary>
public static class ClientFactory
{
    /// <summary>Our client with its full handler chain (diagnostics, errors, resilience, signing), as an app gets it.</summary>
    public static S3ServiceClient CreateOurs(Uri endpoint, Action<S3ClientOptions>? configure = null)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = endpoint,
            Region = BenchmarkCredentials.Region,
            AddressingStyle = S3AddressingStyle.Path,
            AccessKeyId = BenchmarkCredentials.AccessKeyId,
            SecretAccessKey = BenchmarkCredentials.SecretAccessKey,
        };
        configure?.Invoke(options);
        return S3ClientPipeline.CreateClient(options);
    }

    /// <summary>
    /// AWSSDK.S3 with its defaults, except what keeps it on the loopback endpoint (path style, explicit signing region)
    /// and the checksum settings the S3-compatible services need (WHEN_REQUIRED instead of the always-on CRC).
    /// </summary>
    public static AmazonS3Client CreateSdk(Uri endpoint)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = BenchmarkCredentials.Region,
            UseHttp = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(BenchmarkCredentials.AccessKeyId, BenchmarkCredentials.SecretAccessKey), config);
    }

    /// <summary>The raw baseline: the same socket handler settings as our client, no handlers on top.</summary>
    public static RawS3Client CreateRaw(Uri endpoint) => new(endpoint);
}
