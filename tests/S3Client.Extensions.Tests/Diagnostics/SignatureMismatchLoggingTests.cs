using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using S3Client.Extensions.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace S3Client.Extensions.Tests.Diagnostics;

/// <summary>
/// Diagnostics:LogHttp on a client with a wrong secret, against a WireMock server that answers like AWS: the wire log
/// shows each attempt with secrets redacted, and the mismatch report sets our canonical request beside the service's.
/// </summary>
public sealed class SignatureMismatchLoggingTests : IDisposable
{
    private const string WrongSecret = "wrong-secret-wJalrXUtnFEMI/K7MDENG";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ListLoggerProvider _logs = new();

    [Fact]
    public async Task A_signature_mismatch_logs_both_canonical_requests_the_differing_line_and_no_secret()
    {
        // What AWS answers, as seen behind a proxy that rewrote the Host header.
        var theirs = $"GET\n/bucket/reports/a.txt\n\nhost:storage.internal\nx-amz-content-sha256:{EmptyHash}\nx-amz-date:20260102T030405Z\n\n" +
            $"host;x-amz-content-sha256;x-amz-date\n{EmptyHash}";
        _server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/xml").WithBody(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match " +
            "the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId>" +
            "<StringToSign>AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\n0000</StringToSign>" +
            "<SignatureProvided>ffff</SignatureProvided><StringToSignBytes>41 57 53 34</StringToSignBytes>" +
            $"<CanonicalRequest>{theirs}</CanonicalRequest><CanonicalRequestBytes>47 45 54</CanonicalRequestBytes>" +
            "<RequestId>REQ1</RequestId><HostId>HOST1</HostId></Error>"));
        using var provider = Provider(includeKeys: true);

        var act = () => provider.GetRequiredService<IS3Client>().GetObjectAsync("bucket", "reports/a.txt");

        await act.Should().ThrowAsync<S3AccessDeniedException>();
        var signature = SentSignature();
        var mismatch = _logs.Entries.Single(e => e.Entry.EventId.Id == 403).Entry;
        mismatch.Level.Should().Be(LogLevel.Warning);
        mismatch.Message.Should().Contain($"Our canonical request:\n  GET\n  /bucket/reports/a.txt\n  \n  host:127.0.0.1:{_server.Port}\n")
            .And.Contain("The service's canonical request:\n  GET\n  /bucket/reports/a.txt\n  \n  host:storage.internal\n")
            .And.Contain("Our string to sign:\n  AWS4-HMAC-SHA256\n")
            .And.Contain("The service's string to sign:\n  AWS4-HMAC-SHA256\n")
            .And.Contain($"First difference in the canonical request: line 4: ours 'host:127.0.0.1:{_server.Port}', the service's 'host:storage.internal'.");

        var request = _logs.Entries.Single(e => e.Entry.EventId.Id == 401).Entry;
        request.Level.Should().Be(LogLevel.Trace);
        request.Message.Should().StartWith($"S3 HTTP request GET http://127.0.0.1:{_server.Port}/bucket/reports/a.txt")
            .And.Contain("Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").And.Contain("Signature=[redacted]");
        _logs.Entries.Single(e => e.Entry.EventId.Id == 402).Entry.Message.Should().StartWith("S3 HTTP response 403 to GET");
        var everything = string.Join("\n", _logs.Entries.Select(e => e.Entry.Message + " " + e.Entry.State));
        everything.Should().NotContain(WrongSecret).And.NotContain(signature);
    }

    [Fact]
    public async Task Object_keys_stay_out_when_diagnostics_hide_them()
    {
        _server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithBody(
            "<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>GET\n/bucket/reports/a.txt\n</CanonicalRequest></Error>"));
        using var provider = Provider(includeKeys: false);

        var act = () => provider.GetRequiredService<IS3Client>().GetObjectAsync("bucket", "reports/a.txt");

        await act.Should().ThrowAsync<S3AccessDeniedException>();
        var everything = string.Join("\n", _logs.Entries.Select(e => e.Entry.Message + " " + e.Entry.State));
        everything.Should().Contain("[key hidden]").And.NotContain("reports/a.txt");
        _logs.Entries.Should().Contain(e => e.Entry.EventId.Id == 403);
    }

    [Fact]
    public async Task Without_the_switch_nothing_is_logged_on_the_wire()
    {
        _server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithBody(
            "<Error><Code>SignatureDoesNotMatch</Code></Error>"));
        using var provider = Provider(includeKeys: true, logHttp: false);

        var act = () => provider.GetRequiredService<IS3Client>().GetObjectAsync("bucket", "reports/a.txt");

        await act.Should().ThrowAsync<S3AccessDeniedException>();
        _logs.Entries.Should().NotContain(e => e.Entry.EventId.Id >= 401 && e.Entry.EventId.Id <= 409);
    }

    public void Dispose()
    {
        _server.Dispose();
        _logs.Dispose();
    }

    private ServiceProvider Provider(bool includeKeys, bool logHttp = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["S3:ServiceUrl"] = $"http://127.0.0.1:{_server.Port}",
            ["S3:Region"] = "us-east-1",
            ["S3:AccessKeyId"] = "AKIDEXAMPLE",
            ["S3:SecretAccessKey"] = WrongSecret,
            ["S3:AddressingStyle"] = "Path",
            ["S3:Diagnostics:LogHttp"] = logHttp ? "true" : "false",
            ["S3:Diagnostics:IncludeObjectKeys"] = includeKeys ? "true" : "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddS3Client(configuration.GetSection("S3"));
        return services.BuildServiceProvider();
    }

    private string SentSignature()
    {
        var authorization = _server.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single();
        return authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..];
    }
}
