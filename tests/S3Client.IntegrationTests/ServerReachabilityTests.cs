using S3Client.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace S3Client.IntegrationTests;

/// <summary>Every server the run started must answer; a missing one fails the run instead of skipping its tests.</summary>
public class ServerReachabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_server_the_run_started_is_configured()
    {
        // S3CLIENT_TEST_REQUIRED names what eng/s3servers/start-all.sh started; each needs its S3CLIENT_TEST_<NAME>_URL.
        S3TestServers.Missing(S3TestServers.Required, S3TestServers.All).Should().BeEmpty(
            "eng/s3servers/start-all.sh started these servers but the run has no S3CLIENT_TEST_<NAME>_URL for them");
        S3TestServers.Required.Where(name => !S3TestServers.Gaps.ContainsKey(name) || name == "fake").Should().BeEmpty(
            "only the servers of eng/s3servers can be required");
    }

    [Fact]
    public void A_required_server_without_its_variables_is_reported_missing()
    {
        var fake = S3TestServers.All.Single(s => s.Name == "fake");
        var rgw = fake with { Name = "rgw" };

        S3TestServers.Missing(["rgw", "swift"], [fake, rgw]).Should().Equal("swift");
        S3TestServers.Missing(["rgw"], [fake, rgw]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Server_answers_signed_requests(string name)
    {
        var server = S3TestServers.Get(name);
        var client = server.Connect();
        var bucket = $"reach-{Guid.NewGuid():N}"[..24];

        await client.CreateBucketAsync(bucket);
        (await client.BucketExistsAsync(bucket)).Should().BeTrue();
        await client.DeleteBucketAsync(bucket);
        (await client.BucketExistsAsync(bucket)).Should().BeFalse();

        output.WriteLine($"{name} answers at {server.Url}");
    }
}
