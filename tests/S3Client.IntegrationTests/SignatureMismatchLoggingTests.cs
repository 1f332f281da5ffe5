using Microsoft.Extensions.Logging;
using S3Client.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace S3Client.IntegrationTests;

/// <summary>
/// Diagnostics:LogHttp with a wrong secret on a real server: the Warning holds our canonical request and string to sign,
/// the server's where its error body has them (or says it has none), and never the secret or the signature.
/// </summary>
public class SignatureMismatchLoggingTests(ITestOutputHelper output)
{
    private const string WrongSecret = "not-the-secret-but-close-wJalrXUtnFEMI";

    [Theory]
    [MemberData(nameof(S3TestServers.WithAuthentication), MemberType = typeof(S3TestServers))]
    public async Task A_wrong_secret_logs_our_canonical_request_beside_the_servers_and_no_secret(string server)
    {
        var config = S3TestServers.Get(server);
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = new S3ClientOptions
        {
            ServiceUrl = config.Url,
            Region = config.Region,
            AccessKeyId = config.AccessKey,
            SecretAccessKey = WrongSecret,
            AddressingStyle = S3AddressingStyle.Path,
        };
        options.Diagnostics.LogHttp = true;
        using var client = S3ClientPipeline.CreateClient(options, loggerFactory, primaryHandler: S3TestServer.LoopbackHandler(config.Url.Port));

        var put = () => client.PutObjectAsync("some-bucket", "docs/a.txt", new MemoryStream([1, 2, 3]));

        await put.Should().ThrowAsync<S3AccessDeniedException>();
        var report = logs.Messages.Single(m => m.Contains("was refused with SignatureDoesNotMatch", StringComparison.Ordinal));
        output.WriteLine(report);
        report.Should().Contain("Our canonical request:\n  PUT\n  /some-bucket/docs/a.txt\n")
            .And.Contain($"host:{config.Url.Authority}").And.Contain("Our string to sign:\n  AWS4-HMAC-SHA256\n");
        // RGW and s3rver send no canonical request (s3rver sends its string to sign); AWS sends both.
        report.Should().Match(r => r.Contains("The service sent no canonical request", StringComparison.Ordinal)
            || (r.Contains("The service's canonical request:", StringComparison.Ordinal)
                && (r.Contains("First difference in the canonical request: line", StringComparison.Ordinal)
                    || r.Contains("Ours and the service's canonical request are the same", StringComparison.Ordinal))));
        var everything = string.Join("\n", logs.Messages);
        everything.Should().NotContain(WrongSecret).And.NotContain(config.SecretKey).And.Contain("Signature=[redacted]");
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add(formatter(state, exception) + " " + state);
                }
            }
        }
    }
}
