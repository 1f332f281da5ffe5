using Microsoft.Extensions.Logging;
using S3Client.Pipeline.Internal;
using S3Client.Signing.Internal;

namespace S3Client.Core.Tests.TestSupport;

/// <summary>A client runtime for handler tests: given credentials, region, signing mode, clock and logger.</summary>
internal static class TestRuntime
{
    public static readonly S3Credentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    public static S3ClientRuntime Create(
        IS3CredentialsProvider? credentials = null, string region = "us-east-1", S3PayloadSigning payloadSigning = S3PayloadSigning.Auto,
        TimeProvider? time = null, ILogger? logger = null, S3ClientOptions? options = null)
    {
        time ??= TimeProvider.System;
        options ??= new S3ClientOptions { ServiceUrl = new Uri("http://127.0.0.1:9000"), Region = region, AddressingStyle = S3AddressingStyle.Path };
        var signer = new S3RequestSigner(credentials ?? new S3StaticCredentialsProvider(Credentials), region, payloadSigning, time);
        return new S3ClientRuntime(options, time, logger is null ? null : new SingleLoggerFactory(logger), meterFactory: null, signer);
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
