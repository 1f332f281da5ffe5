using System.Net;
using Microsoft.Extensions.DependencyInjection;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>Two named clients on two real servers in one container, each with its own circuit breaker.</summary>
public class NamedClientTests
{
    [Fact]
    public async Task A_circuit_opened_against_one_server_does_not_stop_the_client_of_another()
    {
        var servers = S3TestServers.All.Where(s => s.Supports(S3Feature.Http)).Take(2).ToList();
        servers.Should().HaveCount(2, "this test needs two real servers: run it with eng/test.sh");
        var (first, second) = (servers[0], servers[1]);
        var failing = new FaultInjector(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("<Error><Code>InternalError</Code></Error>"),
        }) { InnerHandler = S3TestServer.LoopbackHandler(first.Url.Port) };
        var services = new ServiceCollection();
        services.AddS3Client(first.Name, o => Configure(o, first)).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => failing);
        services.AddS3Client(second.Name, o => Configure(o, second)).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => S3TestServer.LoopbackHandler(second.Url.Port));
        await using var provider = services.BuildServiceProvider();
        var broken = provider.GetRequiredKeyedService<IS3Client>(first.Name);
        var healthy = provider.GetRequiredService<IS3ClientFactory>().GetClient(second.Name);
        var bucket = $"named-{Guid.NewGuid():N}"[..24];

        for (var i = 0; i < 4; i++)
        {
            await broken.Invoking(c => c.BucketExistsAsync(bucket)).Should().ThrowAsync<S3ServerException>();
        }

        await broken.Invoking(c => c.BucketExistsAsync(bucket)).Should().ThrowAsync<S3ServiceUnavailableException>();
        await healthy.CreateBucketAsync(bucket);
        await healthy.PutObjectAsync(bucket, "still-working.txt", new MemoryStream("yes"u8.ToArray()));
        var listed = await healthy.ListObjectsAsync(bucket).Select(o => o.Key).ToListAsync();
        await healthy.DeleteObjectAsync(bucket, "still-working.txt");
        await healthy.DeleteBucketAsync(bucket);

        failing.Requests.Should().HaveCount(4, "the open circuit stopped the fifth call before it was sent");
        listed.Should().Equal("still-working.txt");
    }

    private static void Configure(S3ClientOptions options, S3TestServer server)
    {
        options.ServiceUrl = server.Url;
        options.Region = server.Region;
        options.AccessKeyId = server.AccessKey;
        options.SecretAccessKey = server.SecretKey;
        options.AddressingStyle = S3AddressingStyle.Path;
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.MinimumThroughput = 4;
        options.CircuitBreaker.FailureRatio = 0.5;
    }
}
