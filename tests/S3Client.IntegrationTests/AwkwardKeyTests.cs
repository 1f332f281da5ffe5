using System.Text;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>Keys that break naive clients: each is written, read back by the same key, and stored under its exact name.</summary>
public class AwkwardKeyTests
{
    // Keys a server stores as written only if it has the feature; every other key must work everywhere.
    private static readonly Dictionary<string, S3Feature> Needs = new()
    {
        ["double-slash"] = S3Feature.UnnormalizedKeys,
        ["leading-slash"] = S3Feature.UnnormalizedKeys,
        ["dot-segments"] = S3Feature.UnnormalizedKeys,
        ["dot-dot-only"] = S3Feature.UnnormalizedKeys,
        ["max-length"] = S3Feature.MaxLengthKeys,
    };

    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["space"] = "with space/and more spaces",
        ["plus"] = "a+b+c",
        ["percent"] = "100%/x%20y",
        ["tilde"] = "~home/~user",
        ["equals-ampersand"] = "k=v&x=y?z",
        ["nfc"] = "caf\u00e9",
        ["nfd"] = "cafe\u0301",
        ["emoji"] = "smile-\U0001F600/\U0001F680",
        ["double-slash"] = "dir//file",
        ["leading-slash"] = "/leading",
        ["trailing-slash"] = "trailing/",
        ["dot-segments"] = "a/./b/../c",
        ["dot-dot-only"] = "x/../y",
        ["max-length"] = new string('k', 1000) + "/" + new string('z', 23),
    };

    public static TheoryData<string, string> ServersAndKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in S3TestServers.Names)
        {
            var server = S3TestServers.All.FirstOrDefault(s => s.Name == row);
            foreach (var name in Keys.Keys)
            {
                if (server is null || server.Supports(Needs.GetValueOrDefault(name)))
                {
                    data.Add(row, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServersAndKeys))]
    public async Task Key_round_trips_under_its_exact_name(string server, string keyName)
    {
        var key = Keys[keyName];
        await using var bucket = await TestBucket.CreateAsync(server);
        var body = Encoding.UTF8.GetBytes("key:" + keyName);

        await bucket.PutAsync(key, new MemoryStream(body));
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, key);
        using var sink = new MemoryStream();
        await get.Content.CopyToAsync(sink);
        var head = await bucket.Client.HeadObjectAsync(bucket.Name, key);

        Encoding.UTF8.GetByteCount(Keys["max-length"]).Should().Be(1024);
        sink.ToArray().Should().Equal(body);
        head.ContentLength.Should().Be(body.Length);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Nfc_and_nfd_spellings_are_different_keys(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);

        await bucket.PutAsync(Keys["nfc"], new MemoryStream("nfc"u8.ToArray()));
        await bucket.PutAsync(Keys["nfd"], new MemoryStream("nfd-longer"u8.ToArray()));

        (await bucket.Client.HeadObjectAsync(bucket.Name, Keys["nfc"])).ContentLength.Should().Be(3);
        (await bucket.Client.HeadObjectAsync(bucket.Name, Keys["nfd"])).ContentLength.Should().Be(10);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithUnnormalizedKeys), MemberType = typeof(S3TestServers))]
    public async Task Dot_segments_are_not_collapsed_into_another_key(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);

        await bucket.PutAsync("a/./b/../c", new MemoryStream("dots"u8.ToArray()));
        var collapsed = () => bucket.Client.HeadObjectAsync(bucket.Name, "a/c");

        await collapsed.Should().ThrowAsync<S3NotFoundException>("'a/./b/../c' must be stored as written, not as 'a/c'");
    }
}
