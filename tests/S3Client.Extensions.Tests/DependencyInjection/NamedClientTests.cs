using System.Net;
using Microsoft.Extensions.DependencyInjection;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Extensions.Tests.DependencyInjection;

public class NamedClientTests
{
    [Fact]
    public async Task Named_clients_have_their_own_endpoint_options_and_http_client()
    {
        var primary = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var backups = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var services = new ServiceCollection();
        services.AddS3Client(o => Configure(o, "http://127.0.0.1:9001")).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => primary);
        services.AddS3Client("backups", o => Configure(o, "http://127.0.0.1:9002")).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => backups);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IS3Client>().DeleteObjectAsync("bucket", "a");
        await provider.GetRequiredKeyedService<IS3Client>("backups").DeleteObjectAsync("bucket", "b");
        await provider.GetRequiredService<IS3ClientFactory>().GetClient("backups").DeleteObjectAsync("bucket", "c");

        primary.Requests.Select(r => r.Uri.AbsoluteUri).Should().Equal("http://127.0.0.1:9001/bucket/a");
        backups.Requests.Select(r => r.Uri.AbsoluteUri).Should().Equal("http://127.0.0.1:9002/bucket/b", "http://127.0.0.1:9002/bucket/c");
        provider.GetRequiredService<IS3ClientFactory>().GetClient("backups").Should().BeSameAs(provider.GetRequiredKeyedService<IS3Client>("backups"));
    }

    [Fact]
    public async Task An_open_circuit_on_one_named_client_does_not_stop_another()
    {
        var failing = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var healthy = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var services = new ServiceCollection();
        services.AddS3Client("flaky", o => Breaker(o, "http://127.0.0.1:9001")).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => failing);
        services.AddS3Client("steady", o => Breaker(o, "http://127.0.0.1:9002")).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => healthy);
        await using var provider = services.BuildServiceProvider();
        var flaky = provider.GetRequiredKeyedService<IS3Client>("flaky");
        var steady = provider.GetRequiredKeyedService<IS3Client>("steady");

        for (var i = 0; i < 2; i++)
        {
            await flaky.Invoking(c => c.DeleteObjectAsync("bucket", "k")).Should().ThrowAsync<S3ServerException>();
        }

        await flaky.Invoking(c => c.DeleteObjectAsync("bucket", "k")).Should().ThrowAsync<S3ServiceUnavailableException>();
        await steady.DeleteObjectAsync("bucket", "k");

        healthy.Requests.Should().ContainSingle();
    }

    [Fact]
    public void An_unknown_name_is_a_clear_error()
    {
        var services = new ServiceCollection();
        services.AddS3Client(o => Configure(o, "http://127.0.0.1:9001"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IS3ClientFactory>().GetClient("nope");

        act.Should().Throw<InvalidOperationException>().WithMessage("*nope*AddS3Client*");
    }

    [Fact]
    public async Task Registering_the_same_client_twice_adds_configuration_not_a_second_pipeline()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var services = new ServiceCollection();
        services.AddS3Client(o => Configure(o, "http://127.0.0.1:9001"));
        services.AddS3Client(o => o.Region = "eu-west-1").HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IS3Client>().DeleteObjectAsync("bucket", "k");

        stub.Requests.Should().ContainSingle().Which.Headers["Authorization"].Should().Contain("/eu-west-1/s3/aws4_request")
            .And.Subject.Split("Signature=").Should().HaveCount(2, "one signing handler signed it once");
    }

    [Fact]
    public async Task Custom_strategies_can_be_added_to_or_replace_the_S3_pipeline()
    {
        var calls = 0;
        var stub = new StubHandler(_ => ++calls == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.NoContent));
        var services = new ServiceCollection();
        var added = false;
        services.AddS3Client(o => Configure(o, "http://127.0.0.1:9001"))
            .ConfigureResilience((pipeline, _) => added = true, replaceDefaults: true)
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IS3Client>().DeleteObjectAsync("bucket", "k");

        await act.Should().ThrowAsync<S3ServerException>("the replaced pipeline has no retry");
        added.Should().BeTrue();
        calls.Should().Be(1);
    }

    private static void Configure(S3ClientOptions options, string url)
    {
        options.ServiceUrl = new Uri(url);
        options.AccessKeyId = "AKIDEXAMPLE";
        options.SecretAccessKey = "secret";
    }

    private static void Breaker(S3ClientOptions options, string url)
    {
        Configure(options, url);
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.FailureRatio = 0.5;
    }
}
