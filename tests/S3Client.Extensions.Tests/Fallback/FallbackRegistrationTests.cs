using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>
/// Fallback from appsettings.json through AddS3Client: each endpoint a client of its own (own named HttpClient, own
/// signing region and credentials), the failover client registered as IS3Client, the rules checked at start.
/// </summary>
public sealed class FallbackRegistrationTests : IDisposable
{
    private readonly WireMockServer _primary = WireMockServer.Start();
    private readonly WireMockServer _replica = WireMockServer.Start();

    public void Dispose()
    {
        _primary.Dispose();
        _replica.Dispose();
    }

    private IConfiguration Configuration() => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes($$"""
        {
          "S3": {
            "ServiceUrl": "http://127.0.0.1:{{_primary.Port}}",
            "Region": "us-east-1",
            "AccessKeyId": "PRIMARYKEY",
            "SecretAccessKey": "primary-secret",
            "AddressingStyle": "Path",
            "Retry": { "MaxRetryAttempts": 1, "BaseDelay": "00:00:00.010", "MaxDelay": "00:00:00.020" },
            "Fallback": {
              "Endpoints": [ { "Name": "replica", "ServiceUrl": "http://127.0.0.1:{{_replica.Port}}", "Region": "eu-west-1", "AccessKeyId": "REPLICAKEY", "SecretAccessKey": "replica-secret" } ],
              "Mode": "Hedged", "HedgeDelay": "00:00:00.250", "OnNotFound": true,
              "Cache": { "Directory": "{{Path.GetTempPath().Replace("\\", "\\\\")}}s3fallback-binding", "MaxBytes": 1000000, "MaxObjectBytes": 1000 }
            }
          }
        }
        """))).Build();

    [Fact]
    public void Binds_the_Fallback_section_and_registers_the_failover_client()
    {
        var services = new ServiceCollection();
        services.AddS3Client(Configuration().GetSection("S3"));
        using var provider = services.BuildServiceProvider();

        var fallback = provider.GetRequiredService<IOptions<S3ClientOptions>>().Value.Fallback;
        var client = provider.GetRequiredService<IS3Client>();

        fallback.Mode.Should().Be(S3FallbackMode.Hedged);
        fallback.HedgeDelay.Should().Be(TimeSpan.FromMilliseconds(250));
        fallback.OnNotFound.Should().BeTrue();
        fallback.Cache.MaxBytes.Should().Be(1_000_000);
        fallback.Cache.MaxObjectBytes.Should().Be(1000);
        fallback.Endpoints.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "replica", Region = "eu-west-1", AccessKeyId = "REPLICAKEY" });
        client.Should().BeOfType<S3FailoverClient>().Which.EndpointNames.Should().Equal("primary", "replica");
        provider.GetRequiredService<IS3ClientFactory>().GetClient(string.Empty).Should().BeSameAs(client);
        client.ToString().Should().NotContain("secret");
    }

    [Fact]
    public async Task The_replica_is_asked_with_its_own_region_and_credentials_after_the_primary_fails()
    {
        _primary.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(503)
            .WithBody("<Error><Code>ServiceUnavailable</Code></Error>"));
        _replica.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("from the replica")
            .WithHeader("ETag", "\"abc\""));
        var services = new ServiceCollection();
        services.AddS3Client(o =>
        {
            Configuration().GetSection("S3").Bind(o);
            o.Fallback.Mode = S3FallbackMode.Failover; // no timing: the replica is asked once the primary's retries are spent
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IS3Client>();

        await using var result = await client.GetObjectAsync("bucket", "key");

        result.Source.Name.Should().Be("replica");
        (await new StreamReader(result.Content).ReadToEndAsync()).Should().Be("from the replica");
        _primary.LogEntries.Should().HaveCount(2, "the primary's own retry runs before the failover");
        _primary.LogEntries.Should().AllSatisfy(e => e.RequestMessage.Headers!["Authorization"][0].Should().Contain("Credential=PRIMARYKEY/").And.Contain("/us-east-1/s3/"));
        var signed = _replica.LogEntries.Should().ContainSingle().Subject.RequestMessage.Headers!["Authorization"][0];
        signed.Should().Contain("Credential=REPLICAKEY/").And.Contain("/eu-west-1/s3/");
        provider.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get("#fallback0").ServiceUrl.Should().Be(new Uri($"http://127.0.0.1:{_replica.Port}"), "the replica has its own named client and options");
    }

    [Fact]
    public async Task The_replica_follows_a_reload_of_the_clients_retry_settings()
    {
        _primary.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500).WithBody("<Error><Code>InternalError</Code></Error>"));
        _replica.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500).WithBody("<Error><Code>InternalError</Code></Error>"));
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Configuration())
            .AddInMemoryCollection([new("S3:Fallback:Mode", "Failover"), new("S3:CircuitBreaker:Enabled", "false")])
            .Build();
        var services = new ServiceCollection();
        services.AddS3Client(configuration.GetSection("S3"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IS3Client>();
        var read = () => client.GetObjectAsync("bucket", "key");

        await read.Should().ThrowAsync<S3Exception>();
        var before = _replica.LogEntries.Count();
        configuration["S3:Retry:MaxRetryAttempts"] = "3";
        configuration.Reload();
        await read.Should().ThrowAsync<S3Exception>();

        before.Should().Be(2, "one attempt and the one retry configured at start");
        (_replica.LogEntries.Count() - before).Should().Be(4, "one attempt and the three retries configured by the reload");
    }

    [Theory]
    [InlineData("Endpoints:0:Name", "primary", "Name 'primary' is taken")]
    [InlineData("Endpoints:0:Name", "", "Name is required")]
    [InlineData("Endpoints:0:ServiceUrl", "ftp://127.0.0.1:1", "must be an absolute http")]
    [InlineData("Endpoints:0:SecretAccessKey", "", "set AccessKeyId and SecretAccessKey")]
    [InlineData("HedgeDelay", "00:00:00", "HedgeDelay must be more than 0")]
    [InlineData("Cache:MaxBytes", "10", "MaxObjectBytes <= MaxBytes")]
    public void Invalid_fallback_settings_fail_at_start_with_a_message_naming_the_setting(string setting, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Configuration())
            .AddInMemoryCollection([new($"S3:Fallback:{setting}", value)])
            .Build();
        var services = new ServiceCollection();
        services.AddS3Client(configuration.GetSection("S3"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        // The endpoint's own options are built from the client's, so the same failure may be reported for both.
        var thrown = Record.Exception(act);
        var failures = thrown is AggregateException all ? all.InnerExceptions : [thrown!];
        failures.Should().AllBeOfType<OptionsValidationException>()
            .And.Contain(e => e.Message.Contains("Fallback", StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_Fallback_section_the_plain_client_is_registered()
    {
        var services = new ServiceCollection();
        services.AddS3Client(o =>
        {
            o.ServiceUrl = new Uri("http://127.0.0.1:9000");
            o.AccessKeyId = "AKID";
            o.SecretAccessKey = "secret";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IS3Client>().Should().BeOfType<S3ServiceClient>();
    }
}
