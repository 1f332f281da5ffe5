using S3Client.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace S3Client.IntegrationTests;

/// <summary>Every server the run started must answer; a missing one fails the run instead of skipping its tests.</summary>
public class ServerReachabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_required_server_is_configured()
    {
        S3TestServers.All.Should().NotBeEmpty("integration tests need real servers: run them with eng/test.sh, which starts them");
        foreach (var name in S3TestServers.Required)
        {
            S3TestServers.All.Should().Contain(s => s.Name == name, $"the run started '{name}'");
        }
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Server_answers_signed_requests(string name)
    {
        var server = S3TestServers.Get(name);
        var client = server.Connect();
        var bucket = $"reach-{Guid.NewGuid():N}"[..24];

        await client.CreateBucketAsync(bucket);
        await client.DeleteBucketAsync(bucket);

        output.WriteLine($"{name} at {server.Url}: lacks {server.Lacks}");
    }
}
