using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using S3Client.Core.Tests.TestSupport;
using S3Client.Extensions.Tests.TestSupport;

namespace S3Client.Extensions.Tests.DependencyInjection;

public class AddS3ClientTests
{
    [Fact]
    public void Binds_the_S3_section_of_appsettings_json()
    {
        var json = """
            {
              "S3": {
                "ServiceUrl": "http://127.0.0.1:7480",
                "PublicServiceUrl": "https://files.example.com",
                "Region": "eu-central-1",
                "AccessKeyId": "AKID",
                "SecretAccessKey": "SECRET",
                "AddressingStyle": "Path",
                "PayloadSigning": "UnsignedPayload",
                "MaxErrorResponseBytes": 8192,
                "Retry": { "MaxRetryAttempts": 7, "BaseDelay": "00:00:00.500", "MaxDelay": "00:00:30", "MinThrottleDelay": "00:00:02" },
                "CircuitBreaker": { "Enabled": false, "FailureRatio": 0.25, "MinimumThroughput": 50, "SamplingDuration": "00:01:00", "BreakDuration": "00:00:10" },
                "Timeouts": { "AttemptTimeout": "00:02:00", "MinUploadBytesPerSecond": 1024, "TotalTimeout": "01:00:00", "ReadIdleTimeout": "00:00:45" },
                "Diagnostics": { "IncludeObjectKeys": false },
                "Transfer": { "MultipartThreshold": 33554432, "PartSize": 16777216, "MaxConcurrency": 8, "ChecksumAlgorithm": "Crc32C", "MaxPartAttempts": 5, "AllowResume": true, "StorageClass": "STANDARD_IA" }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();

        services.AddS3Client(configuration.GetSection("S3"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<S3ClientOptions>>().Value;

        options.ServiceUrl.Should().Be(new Uri("http://127.0.0.1:7480"));
        options.PublicServiceUrl.Should().Be(new Uri("https://files.example.com"));
        options.Diagnostics.IncludeObjectKeys.Should().BeFalse();
        options.Transfer.Should().BeEquivalentTo(new
        {
            MultipartThreshold = 32L * 1024 * 1024, PartSize = 16L * 1024 * 1024, MaxConcurrency = 8, ChecksumAlgorithm = S3ChecksumAlgorithm.Crc32C,
            MaxPartAttempts = 5, AllowResume = true, StorageClass = "STANDARD_IA",
        });
        options.Region.Should().Be("eu-central-1");
        options.AccessKeyId.Should().Be("AKID");
        options.SecretAccessKey.Should().Be("SECRET");
        options.AddressingStyle.Should().Be(S3AddressingStyle.Path);
        options.PayloadSigning.Should().Be(S3PayloadSigning.UnsignedPayload);
        options.MaxErrorResponseBytes.Should().Be(8192);
        options.Retry.Should().BeEquivalentTo(new S3RetryOptions
        {
            MaxRetryAttempts = 7, BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(30), MinThrottleDelay = TimeSpan.FromSeconds(2),
        });
        options.CircuitBreaker.Should().BeEquivalentTo(new S3CircuitBreakerOptions
        {
            Enabled = false, FailureRatio = 0.25, MinimumThroughput = 50, SamplingDuration = TimeSpan.FromMinutes(1), BreakDuration = TimeSpan.FromSeconds(10),
        });
        options.Timeouts.Should().BeEquivalentTo(new S3TimeoutOptions
        {
            AttemptTimeout = TimeSpan.FromMinutes(2), MinUploadBytesPerSecond = 1024, TotalTimeout = TimeSpan.FromHours(1), ReadIdleTimeout = TimeSpan.FromSeconds(45),
        });
    }

    [Theory]
    [InlineData("Region", " ", "S3: Region is empty*")]
    [InlineData("AccessKeyId", "", "S3: set both AccessKeyId and SecretAccessKey, or neither*")]
    [InlineData("MaxErrorResponseBytes", "10", "S3: MaxErrorResponseBytes must be between 1024 and 16777216*")]
    [InlineData("Retry:MaxRetryAttempts", "101", "S3: Retry:MaxRetryAttempts must be between 0 and 100*")]
    [InlineData("Retry:BaseDelay", "00:00:00", "S3: Retry delays need 0 < BaseDelay <= MaxDelay*")]
    [InlineData("CircuitBreaker:FailureRatio", "1.5", "S3: CircuitBreaker needs FailureRatio in (0, 1]*")]
    [InlineData("Timeouts:AttemptTimeout", "00:00:00.001", "S3: Timeouts:AttemptTimeout must be from 10 ms to 1 day*")]
    [InlineData("Timeouts:MinUploadBytesPerSecond", "0", "S3: Timeouts:MinUploadBytesPerSecond must be between 1 and*")]
    [InlineData("Timeouts:TotalTimeout", "00:00:01", "S3: Timeouts:TotalTimeout (00:00:01) is shorter than AttemptTimeout*")]
    [InlineData("Transfer:PartSize", "1000", "S3: Transfer: TransferOptions.PartSize must be from 5 MiB*")]
    [InlineData("Transfer:MaxConcurrency", "0", "S3: Transfer: TransferOptions.MaxConcurrency must be from 1 to 64*")]
    public void Each_invalid_setting_fails_at_start_naming_the_setting_and_the_fix(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["S3:ServiceUrl"] = "http://127.0.0.1:9000",
            ["S3:AccessKeyId"] = "AKID",
            ["S3:SecretAccessKey"] = "secret",
            ["S3:" + key] = value,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddS3Client(configuration.GetSection("S3"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage(message);
    }

    [Theory]
    [InlineData("ftp://example.com", "*ServiceUrl*http://*")]
    [InlineData("http://user:pw@127.0.0.1", "*user info*")]
    public void Bad_service_urls_fail_at_start(string url, string message)
    {
        var services = new ServiceCollection();
        services.AddS3Client(o =>
        {
            o.ServiceUrl = new Uri(url);
            o.AccessKeyId = "a";
            o.SecretAccessKey = "b";
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage(message);
    }

    [Fact]
    public async Task The_pipeline_runs_diagnostics_errors_resilience_and_signing_over_the_primary_handler()
    {
        using var host = new S3TestHost(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var act = () => host.Client.HeadObjectAsync("bucket", "missing");

        await act.Should().ThrowAsync<S3NotFoundException>();
        host.Stub.Requests.Single().Headers["Authorization"].Should().StartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request");
        host.Logs.Entries.Should().Contain(e => e.Entry.EventId.Id == 3 && e.Category == typeof(S3DiagnosticsHandler).FullName);
    }

    [Fact]
    public async Task Trace_logs_never_carry_the_authorization_header_or_secrets()
    {
        using var host = new S3TestHost(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));

        await host.Client.PutObjectAsync("bucket", "key", new MemoryStream([1, 2, 3]));
        var signature = host.Stub.Requests.Single().Headers["Authorization"].Split("Signature=")[1];

        host.Logs.Entries.Should().NotBeEmpty();
        foreach (var (_, entry) in host.Logs.Entries)
        {
            var text = entry.Message + "|" + entry.State + "|" + entry.Exception;
            text.Should().NotContain(signature).And.NotContain(S3TestHost.Secret).And.NotContain(S3TestHost.SessionToken)
                .And.NotContainEquivalentOf("Authorization");
        }
    }

    [Fact]
    public void The_client_and_options_never_print_secrets()
    {
        using var host = new S3TestHost(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));
        var options = host.Services.GetRequiredService<IOptions<S3ClientOptions>>().Value;

        host.Client.ToString().Should().NotContain(S3TestHost.Secret).And.NotContain(S3TestHost.SessionToken);
        options.ToString().Should().NotContain(S3TestHost.Secret).And.NotContain(S3TestHost.SessionToken);
        new S3Credentials("AKID", S3TestHost.Secret, S3TestHost.SessionToken).ToString().Should().NotContain(S3TestHost.Secret).And.NotContain(S3TestHost.SessionToken);
    }

    [Fact]
    public async Task Clients_built_without_a_container_use_the_same_pipeline()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = S3ClientPipeline.CreateClient(
            new S3ClientOptions { ServiceUrl = new Uri("http://127.0.0.1:9000"), AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "s" }, primaryHandler: stub);

        await client.DeleteObjectAsync("bucket", "key");

        stub.Requests.Single().Uri.AbsoluteUri.Should().Be("http://127.0.0.1:9000/bucket/key");
        stub.Requests.Single().Headers.Should().ContainKey("Authorization");
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_container_free_builder()
    {
        var act = () => S3ClientPipeline.CreateClient(new S3ClientOptions { Region = "" });

        act.Should().Throw<ArgumentException>().WithMessage("*Region is empty*");
    }
}
