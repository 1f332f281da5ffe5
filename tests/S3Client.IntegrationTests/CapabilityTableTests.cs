using S3Client.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace S3Client.IntegrationTests;

/// <summary>
/// The declared gaps leave every feature tested somewhere, and the test output lists each configured server's gaps
/// (eng/test.sh prints these "lacks:" lines after the run).
/// </summary>
public class CapabilityTableTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_feature_is_supported_by_at_least_one_declared_server()
    {
        S3TestServers.Untested(S3TestServers.Gaps.Values).Should().BeEmpty(
            "a feature that every server lacks would have no test running anywhere");
    }

    [Fact]
    public void Every_feature_runs_on_a_configured_server_when_every_server_runs()
    {
        foreach (var server in S3TestServers.All)
        {
            output.WriteLine(S3TestServers.Describe(server));
        }

        var configured = S3TestServers.All.Select(s => s.Name).ToHashSet();
        var missing = S3TestServers.Gaps.Keys.Where(name => !configured.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            output.WriteLine($"Not configured in this run: {string.Join(", ", missing)} (eng/test.sh starts them all).");
        }

        // With only some servers, the features only the others have do not run (said above); with all, every one does.
        var untested = S3TestServers.Untested(S3TestServers.All.Select(s => s.Lacks));
        if (missing.Count == 0)
        {
            untested.Should().BeEmpty();
        }
        else
        {
            output.WriteLine($"Not tested in this run: {(untested.Count == 0 ? "nothing" : string.Join(", ", untested))}.");
        }
    }

    [Fact]
    public void A_feature_every_server_lacks_is_reported_untested()
    {
        S3TestServers.Untested([S3Feature.Tagging | S3Feature.Versioning, S3Feature.Tagging]).Should().Contain(S3Feature.Tagging)
            .And.NotContain(S3Feature.Versioning);
    }
}
