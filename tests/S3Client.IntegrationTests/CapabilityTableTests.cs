using S3Client.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace S3Client.IntegrationTests;

/// <summary>Reports, in the test output, which features each server lacks and which tests therefore do not run on it.</summary>
public class CapabilityTableTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_feature_is_tested_on_at_least_one_server()
    {
        foreach (var server in S3TestServers.All)
        {
            var lacks = Enum.GetValues<S3Feature>().Where(f => f != S3Feature.None && !server.Supports(f)).ToList();
            output.WriteLine($"{server.Name}: not supported (declared, tests for these do not run here): {(lacks.Count == 0 ? "none" : string.Join(", ", lacks))}");
        }

        if (S3TestServers.All.Count < S3TestServers.Gaps.Count)
        {
            output.WriteLine("Only some servers are configured; run eng/test.sh to cover every feature.");
            S3TestServers.Required.Should().NotContain(name => S3TestServers.All.All(s => s.Name != name));
            return;
        }

        var untested = Enum.GetValues<S3Feature>().Where(f => f != S3Feature.None && !S3TestServers.All.Any(s => s.Supports(f)));
        untested.Should().BeEmpty("a feature that no configured server has would have no test running at all");
    }
}
