using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using S3Client.Core.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace S3Client.Extensions.Tests.DependencyInjection;

/// <summary>
/// A ServiceUrl such as http://storage is resolved through Microsoft.Extensions.ServiceDiscovery before signing: the
/// WireMock server the name resolves to receives a request whose signature, recomputed from what arrived, matches.
/// </summary>
public sealed class ServiceDiscoveryTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private readonly WireMockServer _server = WireMockServer.Start();

    [Theory]
    [InlineData("none")]
    [InlineData("defaults")]
    [InlineData("client")]
    public async Task The_signature_covers_the_resolved_host(string factoryDiscovery)
    {
        _server.Given(Request.Create().UsingHead()).RespondWith(Response.Create().WithStatusCode(200));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:storage:http:0"] = $"http://127.0.0.1:{_server.Port}",
            ["S3:ServiceUrl"] = "http://storage",
            ["S3:Region"] = "us-east-1",
            ["S3:AccessKeyId"] = "AKIDEXAMPLE",
            ["S3:SecretAccessKey"] = Secret,
            ["S3:AddressingStyle"] = "Path",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddServiceDiscovery();
        if (factoryDiscovery == "defaults")
        {
            // Microsoft's handler for every HttpClient: added before ours, so above them all.
            services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        }

        var client = services.AddS3Client(configuration.GetSection("S3"));
        if (factoryDiscovery == "client")
        {
            // Added after ours, so below signing: it must find nothing left to change.
            client.HttpClientBuilder.AddServiceDiscovery();
        }

        await using var provider = services.BuildServiceProvider();

        (await provider.GetRequiredService<IS3Client>().BucketExistsAsync("bucket")).Should().BeTrue();

        var received = _server.LogEntries.Single().RequestMessage;
        received.Headers!["Host"].Single().Should().Be($"127.0.0.1:{_server.Port}");
        received.Headers["Authorization"].Single().Should().Be(await RecomputedAuthorizationAsync(received), "the signature must cover the host that arrived");
    }

    [Fact]
    public void Without_service_discovery_the_name_is_used_as_it_is()
    {
        var services = new ServiceCollection();
        services.AddS3Client(o =>
        {
            o.ServiceUrl = new Uri("http://storage");
            o.AccessKeyId = "a";
            o.SecretAccessKey = "b";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IS3Client>().ToString().Should().Contain("http://storage/");
        provider.GetRequiredKeyedService<S3Client.Resilience.Internal.S3ClientSetup>(string.Empty)
            .CreateHandlers(provider.GetService<Microsoft.Extensions.ServiceDiscovery.ServiceEndpointResolver>())
            .Should().NotContain(h => h is S3Client.ServiceDiscovery.S3ServiceDiscoveryHandler, "no resolver is registered, so no handler rewrites the host");
        S3Client.ServiceDiscovery.S3ServiceDiscoveryHandler.Resolve(new Uri("http://storage/b/k%2F?x=1"), new System.Net.DnsEndPoint("10.0.0.5", 9000))
            .OriginalString.Should().Be("http://10.0.0.5:9000/b/k%2F?x=1");
    }

    public void Dispose() => _server.Dispose();

    // Signs the request as it arrived (its URL and x-amz-date) with the same key through the signing handler.
    private static async Task<string> RecomputedAuthorizationAsync(WireMock.IRequestMessage received)
    {
        var date = DateTimeOffset.ParseExact(received.Headers!["x-amz-date"].Single(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var stub = new StubHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        using var runtime = new S3Client.Pipeline.Internal.S3ClientRuntime(
            new S3ClientOptions { Region = "us-east-1", AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = Secret }, new FakeTimeProvider(date));
        using var signing = new S3SigningHandler(runtime)
        {
            InnerHandler = stub,
        };
        using var invoker = new HttpMessageInvoker(signing);
        using var request = new HttpRequestMessage(new HttpMethod(received.Method), new Uri(received.AbsoluteUrl));
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return stub.Requests.Single().Headers["Authorization"];
    }

}
