namespace S3Client.IntegrationTests.Servers;

/// <summary>
/// The servers this run talks to, from the S3CLIENT_TEST_* variables that eng/test.sh exports, and their capability
/// tables. A server named in S3CLIENT_TEST_REQUIRED must be configured and reachable, or the run fails.
/// </summary>
public static class S3TestServers
{
    /// <summary>What each server lacks, as measured against it (see eng/s3servers/README.md, "Quirks").</summary>
    public static readonly IReadOnlyDictionary<string, S3Feature> Gaps = new Dictionary<string, S3Feature>
    {
        ["rgw"] = S3Feature.RegionEnforced | S3Feature.BatchDeleteMd5Verified | S3Feature.CopySourceConditions | S3Feature.CompleteMultipartETag,
        ["swift"] = S3Feature.Tagging | S3Feature.ConditionalPut | S3Feature.UnknownAccessKeyCode | S3Feature.SessionTokens | S3Feature.CustomerKeyEncryption,
        ["s3rver"] = S3Feature.VirtualHostedAddressing | S3Feature.PayloadHashVerification | S3Feature.SuffixRange
            | S3Feature.RegionEnforced | S3Feature.MultipartAbortAndListing | S3Feature.Versioning | S3Feature.ConditionalPut
            | S3Feature.IfMatchOnGet | S3Feature.ListEncodingTypeUrl | S3Feature.BatchDeleteMd5Verified | S3Feature.Tagging
            | S3Feature.UnnormalizedKeys | S3Feature.MaxLengthKeys | S3Feature.SessionTokens | S3Feature.CustomerKeyEncryption
            | S3Feature.CopySourceConditions | S3Feature.EmptyObjectRange,

        // The in-memory fake of S3Client.Testing runs the same conformance cases in process: everything but the wire.
        ["fake"] = S3Feature.Authentication | S3Feature.Http | S3Feature.VirtualHostedAddressing | S3Feature.PayloadHashVerification
            | S3Feature.UnknownAccessKeyCode | S3Feature.RegionEnforced | S3Feature.SessionTokens | S3Feature.BatchDeleteMd5Verified,
    };

    public static IReadOnlyList<string> Required { get; } =
        (Environment.GetEnvironmentVariable("S3CLIENT_TEST_REQUIRED") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<S3TestServer> All { get; } = Load();

    /// <summary>Every configured server, for theories.</summary>
    public static TheoryData<string> Names => Data(S3Feature.None);

    /// <summary>The configured servers that have <paramref name="feature"/>.</summary>
    public static TheoryData<string> With(S3Feature feature) => Data(feature);

    public static TheoryData<string> WithVirtualHosts => With(S3Feature.VirtualHostedAddressing);

    public static TheoryData<string> WithRegionCheck => With(S3Feature.RegionEnforced);

    public static TheoryData<string> WithSuffixRange => With(S3Feature.SuffixRange);

    public static TheoryData<string> WithUnknownKeyCode => With(S3Feature.UnknownAccessKeyCode);

    public static TheoryData<string> WithPayloadHashCheck => With(S3Feature.PayloadHashVerification);

    public static TheoryData<string> WithUnnormalizedKeys => With(S3Feature.UnnormalizedKeys);

    public static TheoryData<string> WithSessionTokens => With(S3Feature.SessionTokens);

    public static TheoryData<string> WithCustomerKeys => With(S3Feature.CustomerKeyEncryption);

    public static TheoryData<string> WithVersioning => With(S3Feature.Versioning);

    public static TheoryData<string> WithTagging => With(S3Feature.Tagging);

    public static TheoryData<string> WithConditionalPut => With(S3Feature.ConditionalPut);

    public static TheoryData<string> WithIfMatch => With(S3Feature.IfMatchOnGet);

    public static TheoryData<string> WithMultipartListing => With(S3Feature.MultipartAbortAndListing);

    public static TheoryData<string> WithCopySourceConditions => With(S3Feature.CopySourceConditions);

    public static TheoryData<string> WithEmptyObjectRange => With(S3Feature.EmptyObjectRange);

    public static TheoryData<string> WithAuthentication => With(S3Feature.Authentication);

    public static TheoryData<string> WithHttp => With(S3Feature.Http);

    public static TheoryData<string> WithHttpMultipart => With(S3Feature.Http | S3Feature.MultipartAbortAndListing);

    public static TheoryData<string> WithHttpIfMatch => With(S3Feature.Http | S3Feature.IfMatchOnGet);

    /// <summary>The servers named in <paramref name="required"/> that are not among <paramref name="configured"/>.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> required, IEnumerable<S3TestServer> configured) =>
        [.. required.Where(name => !configured.Any(s => s.Name == name))];

    /// <summary>The features that none of <paramref name="servers"/> has, so no test of theirs would run.</summary>
    public static IReadOnlyList<S3Feature> Untested(IEnumerable<S3Feature> servers) =>
        [.. Enum.GetValues<S3Feature>().Where(f => f != S3Feature.None && servers.All(lacks => (lacks & f) != 0))];

    /// <summary>One line per server: the features it lacks, whose tests do not run on it.</summary>
    public static string Describe(S3TestServer server)
    {
        var lacks = Enum.GetValues<S3Feature>().Where(f => f != S3Feature.None && !server.Supports(f)).ToList();
        return $"{server.Name} lacks: {(lacks.Count == 0 ? "nothing" : string.Join(", ", lacks))}";
    }

    public static S3TestServer Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"S3 server '{name}' is not configured: run the tests with eng/test.sh, which starts it.");

    private static TheoryData<string> Data(S3Feature feature)
    {
        var data = new TheoryData<string>();
        foreach (var server in All.Where(s => s.Supports(feature)))
        {
            data.Add(server.Name);
        }

        return data;
    }

    private static List<S3TestServer> Load()
    {
        var servers = new List<S3TestServer>();
        // The fake needs no server, so it always runs; a run that starts no server still tests it.
        servers.Add(new S3TestServer("fake", new Uri("http://in-memory.invalid"), "fake", "fake", "us-east-1", Gaps["fake"]));
        foreach (var name in Gaps.Keys.Where(n => n != "fake"))
        {
            var prefix = "S3CLIENT_TEST_" + name.ToUpperInvariant() + "_";
            var url = Environment.GetEnvironmentVariable(prefix + "URL");
            if (string.IsNullOrEmpty(url))
            {
                continue;
            }

            servers.Add(new S3TestServer(
                name, new Uri(url),
                Environment.GetEnvironmentVariable(prefix + "ACCESS_KEY") ?? "AKIDEXAMPLE",
                Environment.GetEnvironmentVariable(prefix + "SECRET_KEY") ?? string.Empty,
                Environment.GetEnvironmentVariable(prefix + "REGION") ?? "us-east-1",
                Gaps[name])
            {
                StsUrl = Environment.GetEnvironmentVariable(prefix + "STS_URL") is { Length: > 0 } sts ? new Uri(sts) : null,
            });
        }

        return servers;
    }
}
